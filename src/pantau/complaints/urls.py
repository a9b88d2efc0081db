from django.urls import path

from .views import audit, calendar, detail, imports
from .views import list as list_views

urlpatterns = [
    path("pengaduan/", list_views.complaint_list, name="complaint_list"),
    path("pengaduan/<str:tracking_id>/", detail.complaint_detail, name="complaint_detail"),
    path("pengaduan/<str:tracking_id>/disposisi/", detail.complaint_dispose, name="complaint_dispose"),
    path("pengaduan/<str:tracking_id>/tenggat/", detail.complaint_deadlines, name="complaint_deadlines"),
    path("audit/", audit.audit_log, name="audit_log"),
    path("impor/", imports.import_upload, name="import_upload"),
    path("impor/<str:token>/", imports.import_review, name="import_review"),
    path("kalender/", calendar.calendar, name="calendar"),
    path("kalender/<int:pk>/hapus/", calendar.calendar_override_delete, name="calendar_override_delete"),
]
