"""The signed-in user's notifications; opening the page marks them read."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from assessment import services
from assessment.models import Notification


@require_GET
@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    items = list(Notification.objects.filter(recipient=request.user)[:100])
    services.notifications_mark_read(recipient=request.user, ids=[n.pk for n in items if n.read_at is None])
    return render(request, "assessment/notifications.html", {"items": items, "unread_notifications": 0})
