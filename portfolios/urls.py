from django.urls import path

from portfolios.views import evidence, files, learner, mapping, records

app_name = "portfolios"

urlpatterns = [
    path("evidence/", learner.evidence_list, name="evidence-list"),
    path("evidence/new/", evidence.evidence_create, name="evidence-create"),
    path("evidence/<int:pk>/", evidence.evidence_detail, name="evidence-detail"),
    path("evidence/<int:pk>/edit/", evidence.evidence_edit, name="evidence-edit"),
    path("evidence/<int:pk>/files/", evidence.evidence_files_add, name="evidence-files-add"),
    path("evidence/<int:pk>/map/", mapping.evidence_map, name="evidence-map"),
    path("evidence/<int:pk>/confirm/", records.record_confirm, name="record-confirm"),
    path("claims/<int:pk>/delete/", mapping.claim_delete, name="claim-delete"),
    path("files/<int:pk>/", files.file_download, name="evidence-file"),
    path("files/<int:pk>/preview/", files.file_preview, name="evidence-file-preview"),
    path("files/<int:pk>/thumbnail/", files.file_thumbnail, name="evidence-file-thumbnail"),
    path("units/<int:pk>/records/new/", records.record_create, name="record-create"),
]
