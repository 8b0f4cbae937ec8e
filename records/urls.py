from django.urls import path

from records import views

app_name = "records"

urlpatterns = [
    path("notifications/", views.notifications, name="notifications"),
]
