"""Small steps shared by the end-to-end browser tests."""

from django.urls import reverse


def log_in(page, base_url: str, username: str, password: str) -> None:
    """Log in through the login form and wait for the home page."""
    page.goto(f"{base_url}{reverse('login')}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: not url.endswith(reverse("login")))
