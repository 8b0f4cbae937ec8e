"""In a real browser, the verifier requests a pack, waits for it and downloads it."""

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_verifier_requests_waits_for_and_downloads_a_pack(page, live_server, cast, settings, tmp_path):
    from packs.selectors import pack_panel_context

    enrolment = cast["enrolments"][("learner", "001")]
    assert pack_panel_context(user=cast["verifier"], enrolment=enrolment)["may_request_pack"]
    page.goto(f"{live_server.url}{reverse('login')}")
    page.fill("input[name=username]", "verifier")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.get_by_role("button", name="Log out").wait_for()
    # No page of the app includes the pack panel yet, so the test sends the panel form's POST itself.
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.post(
        f"{live_server.url}{reverse('packs:request-sample', args=[cast['sample'].pk])}",
        headers={"X-CSRFToken": csrf, "Referer": live_server.url},
        max_redirects=0,
    )
    assert response.status == 302
    page.goto(f"{live_server.url}{response.headers['location']}")
    status = page.get_by_role("status")
    link = status.get_by_role("link", name="Download the pack (PDF)")
    link.wait_for(timeout=60_000)
    with page.expect_download() as download_info:
        link.click()
    target = tmp_path / "downloaded.pdf"
    download_info.value.save_as(target)
    assert target.read_bytes().startswith(b"%PDF")
