import json
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from pantau.agencies.roles import KOORDINATOR, role_of
from pantau.complaints.display import complaint_data, record_personal_access
from pantau.complaints.models import Complaint, ComplaintEvent, DeadlineState, Status
from pantau.complaints.sla import LABELS as DEADLINE_LABELS
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
        # The same data as people read it: field names, choices, yes/no and times in the active language.
        for key, value in data.items():
            if key in ("deadlines", "events", "follow_ups", "reporter"):
                continue
            self.stdout.write(f"{_label(key):24} {_shown(key, value, c)}")
        self.stdout.write("\n" + _("Deadlines"))
        for d in data["deadlines"]:
            self.stdout.write(f"  {DEADLINE_LABELS[d['name']]!s:32} {d['working_days']:>3}  "
                              f"{_moment(d['due_at']):28} {DeadlineState(d['state']).label}")
        self.stdout.write("\n" + _("Events"))
        for e in data["events"]:
            change = " → ".join(_value(e["field"], v) for v in (e["from"], e["to"]) if v)
            self.stdout.write(f"  {_moment(e['occurred_at']):28} {ComplaintEvent.Kind(e['kind']).label}: {change}")
        if personal:
            self.stdout.write("\n" + _("Reporter") + ": " + json.dumps(data["reporter"], ensure_ascii=False))


def _label(key: str) -> str:
    try:
        name = str(Complaint._meta.get_field(key).verbose_name)
    except FieldDoesNotExist:
        name = key
    return name[:1].upper() + name[1:]


def _shown(key: str, value, c: Complaint) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if key.endswith("_at"):
        return _moment(value)
    if key in ("kind", "status", "channel"):
        return str(getattr(c, f"get_{key}_display")())
    if key == "agency" and c.agency_id:
        return c.agency.name
    return str(value)


def _value(field: str, value: str) -> str:
    """An event's old or new value: a status by its name."""
    if field == "status" and value in Status.values:
        return str(Status(value).label)
    return value


def _moment(value: str | None) -> str:
    """An ISO time of complaint_data() as people read it: "12 Maret 2024 14.05 WIB"."""
    return fmt.moment(datetime.fromisoformat(value)) if value else "–"
