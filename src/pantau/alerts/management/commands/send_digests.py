"""`pantau send-digests --kind daily|weekly`: e-mail each subscriber's opinion digest."""

import json

from django.core.management.base import BaseCommand

from pantau.alerts.digest import send_digests


class Command(BaseCommand):
    help = "E-mail the daily or weekly opinion digest to each subscribed koordinator and analis (once per period)."

    def add_arguments(self, parser):
        parser.add_argument("--kind", choices=["daily", "weekly"], default="daily")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        sent = send_digests(options["kind"])
        self.stdout.write(json.dumps({"sent": sent}) if options["json"] else f"{sent} digest(s) sent")
