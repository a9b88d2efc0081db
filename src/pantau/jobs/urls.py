from django.urls import path

from . import views

urlpatterns = [
    path("tugas/", views.job_list, name="job_list"),
    path("akun/notifikasi/", views.notification_settings, name="notification_settings"),
]
