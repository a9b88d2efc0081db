from django.urls import path

from . import views

urlpatterns = [
    path("publik/", views.public_home, name="public_home"),
    path("publik/data.csv", views.public_csv, name="public_csv"),
    path("publik/data.json", views.public_json, name="public_json"),
    path("publik/definisi/", views.public_definitions, name="public_definitions"),
]
