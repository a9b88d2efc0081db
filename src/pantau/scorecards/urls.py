from django.urls import path

from . import views

urlpatterns = [
    path("dasbor/", views.dashboard, name="dashboard"),
    path("opd/", views.agency_list, name="agency_list"),
    path("opd/<slug:slug>/", views.agency_detail, name="agency_detail"),
    path("prioritas-rapat/", views.priority_list, name="priority_list"),
    path("definisi/", views.indicator_definitions, name="indicator_definitions"),
]
