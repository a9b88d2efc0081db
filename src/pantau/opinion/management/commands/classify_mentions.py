"""`pantau classify-mentions [--all] [--json]`: sentiment and emotion for stored mentions."""

import json

from django.core.management.base import BaseCommand

from pantau.opinion import sentiment


class Command(BaseCommand):
    help = ("Give stored Indonesian mentions without a sentiment their sentiment and emotion with the "
            "active models; --all relabels every mention (after train-sentiment). Analysts' "
            "corrections are kept.")

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="relabel every mention")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        count = sentiment.classify_stored(everything=options["all"])
        self.stdout.write(json.dumps({"classified": count}) if options["json"] else f"{count} mention(s) classified")
