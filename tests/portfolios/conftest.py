"""Fixtures for portfolio tests."""

import pytest


@pytest.fixture(autouse=True)
def _plain_http_for_live_server(request, monkeypatch):
    """The session-wide live server built its middleware before per-test settings; skip its HTTPS redirect."""
    if request.node.get_closest_marker("browser"):
        from django.middleware.security import SecurityMiddleware

        monkeypatch.setattr(SecurityMiddleware, "process_request", lambda self, req: None)
