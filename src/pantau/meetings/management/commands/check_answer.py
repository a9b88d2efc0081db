import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from pantau.lib.answer_quality import check_answer


class Command(BaseCommand):
    help = "Check the quality of an answer to a report: score 0-100 and the problems found."

    def add_arguments(self, parser):
        src = parser.add_mutually_exclusive_group()
        src.add_argument("--text", help="the answer")
        src.add_argument("--file", help="a text file with the answer ('-' for standard input)")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **opts):
        if opts["text"] is not None:
            text = opts["text"]
        elif opts["file"] in (None, "-"):
            text = sys.stdin.read()
        else:
            try:
                text = Path(opts["file"]).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise CommandError(_("Cannot read %(file)s: %(err)s") % {"file": opts["file"], "err": exc}, returncode=1) from None
        if not text.strip():
            raise CommandError(_("The answer is empty."), returncode=1)
        verdict = check_answer(text)
        if opts["json"]:
            self.stdout.write(json.dumps(verdict.as_dict(), ensure_ascii=False))
            return
        self.stdout.write(_("Score: %(score)d/100") % {"score": verdict.score})
        for p in verdict.problems:
            self.stdout.write(f"- {p.name}: {p.why}")
        if not verdict.problems:
            self.stdout.write(_("No problems found."))
