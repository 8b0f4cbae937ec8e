from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from portfolios.views import home as home_views

urlpatterns = [
    path("", home_views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("units/", include("units.urls")),
    path("portfolio/", include("portfolios.urls")),
    path("assessment/", include("assessment.urls")),
    path("packs/", include("assessment.packs.urls")),
    path("admin/", admin.site.urls),
]
