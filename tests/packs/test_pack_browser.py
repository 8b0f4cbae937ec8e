"""In a real browser, the verifier requests a pack from their sample's page, waits for it and downloads it."""

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_verifier_requests_waits_for_and_downloads_a_pack(page, live_server, cast, tmp_path):
    page.goto(f"{live_server.url}{reverse('login')}")
    page.fill("input[name=username]", "verifier")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.get_by_role("button", name="Log out").wait_for()
    page.goto(f"{live_server.url}{reverse('assessment:verifier-home')}")
    panel = page.get_by_role("region", name="Verification pack for the whole sample")
    panel.get_by_role("button", name="Build a new pack").click()
    status = page.get_by_role("status")
    link = status.get_by_role("link", name="Download the pack (PDF)")
    link.wait_for(timeout=60_000)
    with page.expect_download() as download_info:
        link.click()
    target = tmp_path / "downloaded.pdf"
    download_info.value.save_as(target)
    assert target.read_bytes().startswith(b"%PDF")
