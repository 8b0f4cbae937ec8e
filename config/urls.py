from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from people import views as people_views

urlpatterns = [
    path("", people_views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("units/", include("units.urls")),
    path("portfolio/", include("assessment.learner_urls")),
    path("portfolio/", include("portfolios.urls")),
    path("assessment/", include("assessment.urls")),
    path("packs/", include("packs.urls")),
    path("", include("records.urls")),
    path("admin/", admin.site.urls),
]
