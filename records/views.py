"""The signed-in user's notifications; opening the page marks them read."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from records.models import Notification
from records.notify import notifications_mark_read


@require_GET
@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    items = list(Notification.objects.filter(recipient=request.user)[:100])
    notifications_mark_read(recipient=request.user, ids=[n.pk for n in items if n.read_at is None])
    return render(request, "records/notifications.html", {"items": items, "unread_notifications": 0})
