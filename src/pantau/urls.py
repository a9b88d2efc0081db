from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("masuk/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("akun/sandi/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("akun/sandi/selesai/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("pantau.complaints.urls")),
    path("", include("pantau.scorecards.urls")),
    path("", include("pantau.reports.urls")),
    path("", include("pantau.transparency.urls")),
    path("", include("pantau.opinion.urls")),
    path("", include("pantau.alerts.urls")),
    path("", include("pantau.meetings.urls")),
    path("", include("pantau.jobs.urls")),
    path("", include("pantau.web.urls")),
]
