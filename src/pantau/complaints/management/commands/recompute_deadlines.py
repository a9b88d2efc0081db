from django.core.management.base import BaseCommand

from pantau.complaints.sla import recompute_deadlines


class Command(BaseCommand):
    help = "Recompute every report's deadlines and their states (after a calendar or rule change; nightly)."

    def handle(self, *args, **opts):
        n = recompute_deadlines()
        self.stderr.write(f"{n} reports updated")
