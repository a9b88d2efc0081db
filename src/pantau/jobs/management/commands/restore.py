from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from pantau.jobs import backup


class Command(BaseCommand):
    help = ("Restore a backup made by `pantau backup` into this database. Refuses a database that "
            "already holds data unless --force. Run `pantau migrate` afterwards when upgrading.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the backup file")
        parser.add_argument("--force", action="store_true", help="overwrite a database that holds data")

    def handle(self, *args, **opts):
        try:
            backup.restore(opts["file"], force=opts["force"])
        except backup.BackupError as exc:
            if "already holds data" in str(exc):
                raise CommandError(_("The database already holds data; restoring would overwrite it. "
                                     "Use --force if that is what you want."), returncode=1) from None
            raise CommandError(_("Restore failed: %(error)s") % {"error": exc}, returncode=1) from None
        self.stderr.write(_("Restored from %(file)s. Run `pantau migrate` if this backup is from an "
                            "older version.") % {"file": opts["file"]})
