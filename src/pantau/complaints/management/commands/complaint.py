import json
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from pantau.agencies.roles import KOORDINATOR, role_of
from pantau.complaints.display import complaint_data, record_personal_access
from pantau.complaints.models import Complaint
from pantau.lib import fmt


class Command(BaseCommand):
    help = "Show one report: fields, deadlines, state and events (no personal fields unless a koordinator asks)."

    def add_arguments(self, parser):
        parser.add_argument("tracking_id")
        parser.add_argument("--json", action="store_true", help="print one JSON document")
        parser.add_argument("--personal", metavar="USERNAME",
                            help="include the reporter's personal fields; USERNAME must be a koordinator (audited)")

    def handle(self, *args, **opts):
        tid = opts["tracking_id"].lstrip("#")
        try:
            c = Complaint.objects.select_related("agency", "category", "region").get(tracking_id=tid)
        except Complaint.DoesNotExist:
            raise CommandError(_("No report with tracking ID %(id)s.") % {"id": tid}, returncode=1) from None
        personal = False
        if opts["personal"]:
            user = get_user_model().objects.filter(username=opts["personal"]).first()
            if user is None or role_of(user) != KOORDINATOR:
                raise CommandError(_("Only a koordinator may see reporters' personal data."), returncode=1)
            record_personal_access(user, c, "cli")
            personal = True
        data = complaint_data(c, personal=personal)
        if opts["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        for key, value in data.items():
            if key in ("deadlines", "events", "follow_ups", "reporter"):
                continue
            shown = _moment(value) if key.endswith("_at") else value
            self.stdout.write(f"{key:20} {shown if shown is not None else '-'}")
        self.stdout.write("\n" + _("Deadlines"))
        for d in data["deadlines"]:
            self.stdout.write(f"  {d['name']:10} {d['working_days']:>3}  {_moment(d['due_at']):30} {d['state']}")
        self.stdout.write("\n" + _("Events"))
        for e in data["events"]:
            self.stdout.write(f"  {_moment(e['occurred_at'])}  {e['kind']:16} {e['field']} {e['from']} -> {e['to']}")
        if personal:
            self.stdout.write("\n" + _("Reporter") + ": " + json.dumps(data["reporter"], ensure_ascii=False))


def _moment(value: str | None) -> str:
    """An ISO time of complaint_data() as people read it: "12 Maret 2024 14.05 WIB"."""
    return fmt.moment(datetime.fromisoformat(value)) if value else "-"
