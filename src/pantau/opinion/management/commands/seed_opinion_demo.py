"""`pantau seed-opinion-demo [--seed N] [--mentions N] [--json]`: the opinion demo data."""

import json
import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from pantau.lib.fmt import number
from pantau.opinion.demo import seed


class Command(BaseCommand):
    help = _("Create the demo topics, sources and ~50,000 generated mentions (deterministic; running it again adds nothing).")

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--mentions", type=int, default=50_000, help=_("how many mentions to generate"))
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        started = time.perf_counter()
        result = seed(options["seed"], options["mentions"])
        seconds = round(time.perf_counter() - started, 1)
        if options["json"]:
            self.stdout.write(json.dumps({**result.__dict__, "seconds": seconds}))
            return
        counts = {key: number(result.__dict__[key]) for key in ("topics", "sources", "stored", "fetched")}
        self.stdout.write(_("%(topics)s topics, %(sources)s sources, %(stored)s of %(fetched)s generated mentions "
                            "stored in %(seconds)s s.") % {**counts, "seconds": number(seconds, 1)})
