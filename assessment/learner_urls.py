"""The learner's assessment pages, under /portfolio/ beside their evidence."""

from django.urls import path

from assessment.views import learner

app_name = "learner"

urlpatterns = [
    path("", learner.learner_home, name="home"),
    path("units/<int:pk>/", learner.enrolment_detail, name="unit"),
    path("units/<int:pk>/submit/", learner.submission_create, name="submit"),
    path("submissions/<int:pk>/withdraw/", learner.submission_withdraw, name="withdraw"),
]
