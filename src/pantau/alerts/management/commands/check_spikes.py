"""`pantau check-spikes [--json]`: detect spikes of every topic, raise alerts once, deliver them."""

import json

from django.core.management.base import BaseCommand

from pantau.alerts.delivery import deliver_pending
from pantau.alerts.detect import check_all


class Command(BaseCommand):
    help = ("Check every active topic for a volume spike or a negative-sentiment surge (last window "
            "against the same hours of earlier days), raise one alert per spike and send pending "
            "alerts by e-mail and webhook (failed ones are retried with backoff).")

    def add_arguments(self, parser):
        parser.add_argument("--no-deliver", action="store_true", help="raise alerts but send nothing")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        alerts = check_all()
        counts = {"sent": 0, "failed": 0} if options["no_deliver"] else deliver_pending()
        result = {"alerts": [{"id": a.pk, "topic": a.topic.name, "kind": a.kind, "observed": a.observed,
                              "expected": a.expected, "score": a.score, "top_terms": a.top_terms}
                             for a in alerts], **counts}
        if options["json"]:
            self.stdout.write(json.dumps(result))
            return
        for a in result["alerts"]:
            self.stdout.write(f"{a['topic']}: {a['kind']} observed={a['observed']} expected={a['expected']} "
                              f"({a['score']} sd) {', '.join(a['top_terms'])}")
        self.stdout.write(f"{len(alerts)} new alert(s); deliveries sent {counts['sent']}, failed {counts['failed']}")
