"""Notifications: one in-app record per event, mirrored by email."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from records.models import Notification

logger = logging.getLogger(__name__)


def notify(*, recipient, kind: Notification.Kind, message: str, url: str = "") -> Notification:
    """Record a notification and email it once the surrounding transaction commits."""
    notification = Notification.objects.create(recipient=recipient, kind=kind, message=message[:300], url=url)
    if recipient.email:
        transaction.on_commit(lambda: _send_email(recipient.email, message, url))
    return notification


def _send_email(address: str, message: str, url: str) -> None:
    link = f"\n\n{settings.SITE_URL.rstrip('/')}{url}" if url else ""
    try:
        send_mail(f"Attest: {message[:80]}", f"{message}{link}", None, [address], fail_silently=False)
    except OSError:
        # A mail outage must not undo the act being notified; the in-app notification stands.
        logger.exception("Could not email notification to %s", address)


def notifications_mark_read(*, recipient, ids: list[int]) -> int:
    """Mark these of the recipient's notifications read; return how many changed."""
    return Notification.objects.filter(recipient=recipient, pk__in=ids, read_at__isnull=True).update(
        read_at=timezone.now()
    )
