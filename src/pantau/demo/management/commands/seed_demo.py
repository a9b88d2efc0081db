"""`pantau seed-demo [--seed N]`: the deterministic Banten demo data set."""

import json

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from pantau.demo.seed import SeedRefused, seed
from pantau.demo.users import create_demo_users
from pantau.lib.fmt import number


class Command(BaseCommand):
    help = "Load the deterministic Banten demo: agencies, regions, categories and ~8,000 LAPOR! reports."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2024, help="random seed; the same seed gives the same data")
        parser.add_argument("--reports", type=int, default=8000, help="how many reports (default 8000)")
        parser.add_argument("--replace", action="store_true",
                            help="delete every report in the database first (otherwise refuse when reports exist)")
        parser.add_argument("--no-users", dest="users", action="store_false",
                            help="do not create the demo users (koordinator, analis, pimpinan, admin-<slug>)")
        parser.add_argument("--no-opinion", dest="opinion", action="store_false",
                            help="do not run the opinion demo (seed_opinion_demo) after the reports")
        parser.add_argument("--json", action="store_true", help="print the counts as one JSON document")

    def handle(self, *args, **opts):
        if opts["reports"] < 1:
            raise CommandError(_("--reports must be at least 1"), returncode=2)
        try:
            result = seed(opts["seed"], count=opts["reports"], replace=opts["replace"],
                          log=lambda msg: self.stderr.write(msg))
        except SeedRefused:
            raise CommandError(
                _("The database already holds reports; the demo seed would mix with them. "
                  "Use --replace to delete every report first."), returncode=1) from None
        result["opinion_demo"] = self._opinion_demo(opts["seed"]) if opts["opinion"] else False
        result["users"] = len(create_demo_users()) if opts["users"] else 0
        # Pages read period snapshots: fill them now rather than on the first page view.
        call_command("compute_scorecards", stdout=self.stderr, stderr=self.stderr)
        # The same for the agency suggestions (otherwise learned by the worker's job within minutes).
        from pantau.complaints.suggest import refresh

        refresh()
        if opts["json"]:
            self.stdout.write(json.dumps(result))
        else:
            self.stdout.write(
                _("Demo seed %(seed)s: %(agencies)s agencies, %(reports)s reports, %(follow_ups)s follow-ups, "
                  "%(events)s events in %(seconds)s s") % {
                    **{key: number(result[key]) for key in ("agencies", "reports", "follow_ups", "events")},
                    "seed": result["seed"], "seconds": number(result["seconds"]["total"], 1)})

    def _opinion_demo(self, seed_value: int) -> bool:
        """Hook for the opinion demo (another app's command), called with the same seed when present."""
        if "seed_opinion_demo" not in get_commands():
            return False
        call_command("seed_opinion_demo", seed=seed_value, stdout=self.stderr, stderr=self.stderr)
        return True
