from django.urls import path

from units import views

app_name = "units"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("<slug:key>/", views.unit_detail, name="unit-detail"),
]
