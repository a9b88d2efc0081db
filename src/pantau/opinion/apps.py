from django.apps import AppConfig


class OpinionConfig(AppConfig):
    name = "pantau.opinion"
