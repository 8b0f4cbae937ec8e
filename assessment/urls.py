from django.urls import path

from assessment.views import assess, audit_trail, caseload, grid, sampling, verification

app_name = "assessment"

urlpatterns = [
    path("caseload/", caseload.caseload, name="caseload"),
    path("learner-units/<int:pk>/", assess.enrolment, name="enrolment"),
    path("learner-units/<int:pk>/criteria/<int:criterion_pk>/decide/", assess.criterion_decide, name="criterion-decide"),
    path("learner-units/<int:pk>/criteria/<int:criterion_pk>/unlock/", assess.criterion_unlock, name="criterion-unlock"),
    path("learner-units/<int:pk>/sign-off/", assess.unit_sign_off, name="unit-sign-off"),
    path("learner-units/<int:pk>/confirm-sign-off/", assess.unit_confirm, name="unit-confirm"),
    path("learner-units/<int:pk>/audit/", audit_trail.audit_trail, name="audit-trail"),
    path("grid/", grid.grid, name="grid"),
    path("grid/export.csv", grid.grid_csv, name="grid-csv"),
    path("iqa/", sampling.iqa_home, name="iqa-home"),
    path("iqa/cohorts/<int:pk>/", sampling.sampling_plan, name="sampling-plan"),
    path("iqa/cohorts/<int:pk>/coverage/", sampling.sampling_coverage, name="sampling-coverage"),
    path("iqa/samples/<int:pk>/", sampling.sample_entry, name="sample-entry"),
    path("actions/<int:pk>/done/", sampling.iqa_action_done, name="iqa-action-done"),
    path("actions/<int:pk>/accept/", sampling.iqa_action_accept, name="iqa-action-accept"),
    path("verifier/", verification.verifier_home, name="verifier-home"),
    path("centre/", verification.admin_home, name="admin-home"),
    path("centre/samples/grant/", verification.sample_grant, name="sample-grant"),
    path("centre/samples/<int:pk>/revoke/", verification.sample_revoke, name="sample-revoke"),
]
