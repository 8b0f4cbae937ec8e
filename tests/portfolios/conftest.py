"""Fixtures for portfolio tests: evidence made through the services."""

import pytest


@pytest.fixture
def make_evidence(cast):
    """Create a learner's evidence item through the service, optionally mapped to criteria of a unit."""
    from portfolios import services
    from units.models import AssessmentCriterion

    def _make(learner=None, *, title="My report", body="Some words here", kind="report", uploads=(), map_to=()):
        learner = learner or cast["learner"]
        item = services.evidence_create(
            learner=learner, author=learner, kind=kind, title=title, body=body, uploads=uploads
        )
        for unit_key, code in map_to:
            criterion = AssessmentCriterion.objects.get(unit__key=unit_key, code=code)
            services.claim_save(item=item, user=learner, criterion=criterion)
        return item

    return _make


@pytest.fixture(autouse=True)
def _plain_http_for_live_server(request, monkeypatch):
    """The session-wide live server built its middleware before per-test settings; skip its HTTPS redirect."""
    if request.node.get_closest_marker("browser"):
        from django.middleware.security import SecurityMiddleware

        monkeypatch.setattr(SecurityMiddleware, "process_request", lambda self, req: None)
