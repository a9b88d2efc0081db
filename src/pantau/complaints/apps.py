from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "pantau.complaints"

    def ready(self):
        from . import versioning

        versioning.connect(self)
