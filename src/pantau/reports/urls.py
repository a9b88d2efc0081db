from django.urls import path

from . import views

urlpatterns = [
    path("laporan/", views.report_list, name="report_list"),
    path("laporan/buat/", views.report_create, name="report_create"),
    path("laporan/pengaturan/", views.report_settings, name="report_settings"),
    path("laporan/<int:pk>/", views.report_edit, name="report_edit"),
    path("laporan/<int:pk>/pratinjau/", views.report_preview, name="report_preview"),
    path("laporan/<int:pk>/unduh/<str:fmt>/", views.report_download, name="report_download"),
    path("laporan/<int:pk>/final/", views.report_finalize, name="report_finalize"),
    path("laporan/<int:pk>/versi-baru/", views.report_new_version, name="report_new_version"),
]
