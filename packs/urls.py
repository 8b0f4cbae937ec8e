from django.urls import path

from packs import views

app_name = "packs"

urlpatterns = [
    path("learner-unit/<int:pk>/request/", views.request_enrolment_pack, name="request-enrolment"),
    path("sample/<int:pk>/request/", views.request_sample_pack, name="request-sample"),
    path("job/<uuid:public_id>/", views.job_status, name="job-status"),
    path("job/<uuid:public_id>/download/", views.job_download, name="job-download"),
]
