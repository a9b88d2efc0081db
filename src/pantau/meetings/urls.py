from django.urls import path

from . import views

urlpatterns = [
    path("rapat/", views.meeting_list, name="meeting_list"),
    path("rapat/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("rapat/<int:pk>/undangan/", views.meeting_invitations, name="meeting_invitations"),
    path("rapat/<int:pk>/hadir/", views.meeting_attendance, name="meeting_attendance"),
    path("rapat/<int:pk>/daftar-hadir/", views.attendance_sheet, name="meeting_attendance_sheet"),
    path("rapat/<int:pk>/notulen/", views.meeting_minutes, name="meeting_minutes"),
    path("rapat/<int:pk>/keputusan/", views.meeting_decision, name="meeting_decision"),
    path("rapat/<int:pk>/foto/", views.meeting_photo, name="meeting_photo"),
    path("rapat/<int:pk>/<str:kind>.<str:fmt>", views.meeting_document, name="meeting_document"),
    path("rapat/templat-jawaban/", views.template_list, name="answer_templates"),
    path("rapat/templat-jawaban/<int:pk>/", views.template_list, name="answer_template_edit"),
    path("rapat/contoh-jawaban/", views.answer_examples, name="answer_examples"),
]
