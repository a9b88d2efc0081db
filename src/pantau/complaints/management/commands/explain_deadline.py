import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from pantau.complaints.display import explanation_text, iso
from pantau.complaints.models import Complaint
from pantau.complaints.sla import explain


class Command(BaseCommand):
    help = "Explain how each deadline of a report was counted, naming every holiday and cuti bersama skipped."

    def add_arguments(self, parser):
        parser.add_argument("tracking_id")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **opts):
        tid = opts["tracking_id"].lstrip("#")
        c = Complaint.objects.filter(tracking_id=tid).first()
        if c is None:
            raise CommandError(_("No report with tracking ID %(id)s.") % {"id": tid}, returncode=1)
        if not opts["json"]:
            self.stdout.write(explanation_text(c))
            return
        out = []
        for d in explain(c):
            out.append({
                "name": d["name"], "working_days": d["days"], "start": iso(d["start"]), "due_at": iso(d["due_at"]),
                "done_at": iso(d["done_at"]), "state": d["state"],
                "counted": [x.isoformat() for x in d["counted"]],
                "skipped": [{"date": s["date"].isoformat(), "reason": s["reason"]} for s in d["skipped"]],
            })
        self.stdout.write(json.dumps({"tracking_id": c.tracking_id, "deadlines": out}, ensure_ascii=False, indent=2))
