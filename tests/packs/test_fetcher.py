"""WeasyPrint may open only the app's static files and the job's prepared images."""

import pytest

from packs.render import PackURLFetcher


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "http://example.org/x.png", "https://example.org/", "attest-static:../../config/settings.py",
     "attest-image:not-prepared", "data:text/plain,hello"],
)
def test_it_refuses_anything_but_static_files_and_prepared_images(url):
    with pytest.raises(ValueError):
        PackURLFetcher().fetch(url)


def test_it_serves_the_pack_stylesheet():
    response = PackURLFetcher().fetch("attest-static:css/pack.css")
    assert b"@page" in response.read()


def test_it_serves_a_prepared_image(tmp_path):
    image = tmp_path / "img"
    image.write_bytes(b"\x89PNG")
    assert PackURLFetcher(images={"abc": image}).fetch("attest-image:abc").read() == b"\x89PNG"
