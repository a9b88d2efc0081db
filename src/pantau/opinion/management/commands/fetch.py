"""`pantau fetch [--source ID] [--all] [--due] [--json]`: collect mentions now."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.opinion.actions import fetch_source
from pantau.opinion.models import Source
from pantau.opinion.pipeline import Pipeline


class Command(BaseCommand):
    help = _("Collect mentions now: one source, every due source, or with --all every active source.")

    def add_arguments(self, parser):
        parser.add_argument("--source", type=int, help=_("the source's number; fetched even when not due"))
        parser.add_argument("--all", action="store_true", help=_("fetch every active source, due or not"))
        parser.add_argument("--due", action="store_true", help=_("only the sources whose interval has passed (the default; for the periodic job)"))
        parser.add_argument("--json", action="store_true", help=_("print the runs as JSON"))

    def handle(self, *args, **options):
        now = timezone.now()
        if options["source"]:
            try:
                sources = [Source.objects.get(pk=options["source"])]
            except Source.DoesNotExist:
                raise CommandError(_("No source with number %(id)s.") % {"id": options["source"]}, returncode=1) from None
            force = True
        else:
            sources, force = list(Source.objects.filter(active=True).order_by("pk")), options["all"]
        pipeline = Pipeline()
        rows = []
        for source in sources:
            run = fetch_source(source, now=now, force=force, pipeline=pipeline)
            source.refresh_from_db(fields=["status", "last_error"])
            rows.append({
                "source": source.pk, "name": source.name, "kind": source.kind, "ran": run is not None,
                "status": source.status, "fetched": run.fetched if run else 0, "new": run.new if run else 0,
                "duplicates": run.duplicates if run else 0, "error": run.error if run else "",
            })
        if options["json"]:
            self.stdout.write(json.dumps({"runs": rows}, ensure_ascii=False))
            return
        for row in rows:
            if row["ran"]:
                state = row["error"] or _("OK")
            elif row["status"] == Source.Status.NOT_CONFIGURED:
                state = dict(Source.Status.choices)[row["status"]]
            else:
                state = _("not due yet")
            self.stdout.write(_("%(name)s: %(new)d new, %(dup)d already stored (%(state)s)") % {
                "name": row["name"], "new": row["new"], "dup": row["duplicates"], "state": state})
