"""`pantau import-lapor FILE`: import (or with --dry-run, check) a LAPOR! export file.

Also available as `pantau import_lapor`. Exit status 0 when the file was imported (or would be),
1 when it was refused; with --json one JSON document on stdout, messages on stderr.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from pantau.complaints.importers.lapor import ImportResult, run_import
from pantau.complaints.importers.mapping import FIELDS, label


class Command(BaseCommand):
    help = "Import a LAPOR! export (XLSX or CSV): new, changed, unchanged and rejected rows."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the export file (.xlsx, .xls, .ods or .csv)")
        parser.add_argument("--dry-run", action="store_true", help="check and count, save nothing")
        parser.add_argument("--mapping", metavar="NAME", help="use a saved column mapping")
        parser.add_argument("--save-mapping", metavar="NAME", help="save the column mapping used under NAME")
        parser.add_argument("--map", action="append", default=[], metavar="FIELD=HEADER",
                            help=f"take FIELD from the column HEADER (fields: {', '.join(FIELDS)})")
        parser.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the first with a tracking-ID column)")
        parser.add_argument("--json", action="store_true", help="print one JSON document")

    def handle(self, *args, **options):
        overrides = {}
        for item in options["map"]:
            field, sep, header = item.partition("=")
            if not sep or field.strip() not in FIELDS:
                self.stderr.write(_("--map wants FIELD=HEADER with one of the fields: %(fields)s") % {"fields": ", ".join(FIELDS)})
                raise SystemExit(2)
            overrides[field.strip()] = header.strip()
        result = run_import(
            options["file"], mapping=overrides or None, mapping_name=options["mapping"],
            save_mapping_as=options["save_mapping"], dry_run=options["dry_run"], sheet=options["sheet"],
        )
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2, default=str))
        else:
            self._print(result)
        if not result.ok:
            raise CommandError(f"{options['file']}: {result.message}", returncode=1)

    def _print(self, result: ImportResult) -> None:
        out = self.stdout.write
        if result.mapping:
            out(_("Columns:"))
            for field, header in result.mapping.items():
                out(f"  {field:<20} {'(' + label(field) + ')':<28} <- {header}")
            if result.unmapped_headers:
                out(_("Columns not used: %(headers)s") % {"headers": ", ".join(result.unmapped_headers)})
        counts = result.counts
        out(_("New: %(new)d  Changed: %(changed)d  Unchanged: %(unchanged)d  Rejected: %(rejected)d") % counts)
        if result.duplicate_rows:
            out(_("Identical repeated rows skipped: %(count)d") % {"count": result.duplicate_rows})
        for rejection in result.rejections:
            out(_("Row %(row)s, column \"%(column)s\", value \"%(value)s\": %(reason)s") % rejection)
        if counts["rejected"] > len(result.rejections):
            out(_("… and more rejected rows (%(count)d in all).") % {"count": counts["rejected"]})
        for name, suggestions in result.agency_suggestions.items():
            out(_("Unknown agency \"%(name)s\"; closest: %(names)s") % {"name": name, "names": "; ".join(suggestions) or "-"})
        for warning in result.warnings:
            out(_("Note: column \"%(column)s\", value \"%(value)s\": %(reason)s") % warning)
        if result.new_categories:
            out(_("New categories: %(names)s") % {"names": "; ".join(result.new_categories)})
        if result.ok:
            self.stderr.write(result.message)
