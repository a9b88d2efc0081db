import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from pantau.jobs import backup


class Command(BaseCommand):
    help = "Write a complete backup of the database (SQLite online backup or pg_dump -Fc) to --out FILE."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, type=Path, help="the backup file to write")
        parser.add_argument("--json", action="store_true", help="print one JSON document")

    def handle(self, *args, **opts):
        try:
            out = backup.backup(opts["out"])
        except backup.BackupError as exc:
            raise CommandError(_("Backup failed: %(error)s") % {"error": exc}, returncode=1) from None
        size = out.stat().st_size
        if opts["json"]:
            self.stdout.write(json.dumps({"file": str(out), "bytes": size, "database": backup.vendor()}))
        else:
            self.stderr.write(_("Backup written: %(file)s (%(size)s bytes)") % {"file": out, "size": size})
