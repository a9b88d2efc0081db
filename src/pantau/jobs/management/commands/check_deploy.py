import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from pantau.jobs.deploy import all_findings


class Command(BaseCommand):
    help = "Check that this installation is safe to serve: Django's deploy checks plus Pantau's own."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="print one JSON document")

    def handle(self, *args, **opts):
        findings = all_findings()
        errors = [f for f in findings if f.level == "error"]
        if opts["json"]:
            self.stdout.write(json.dumps({"ok": not errors, "findings": [f.as_dict() for f in findings]},
                                         ensure_ascii=False, indent=2))
        else:
            for f in findings:
                tag = _("FAILED") if f.level == "error" else _("warning")
                self.stdout.write(f"[{tag}] {f.id}: {f.message}")
        if errors:
            raise CommandError(_("%(n)s check(s) failed; fix them before serving.") % {"n": len(errors)},
                               returncode=1)
        self.stderr.write(_("All deployment checks passed."))
