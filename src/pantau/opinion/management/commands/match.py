"""`pantau match --query Q [--file TEXTS.jsonl] [--json]`: test a topic query against texts."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from pantau.opinion.matcher import Document, compile_query
from pantau.opinion.query import QueryError

FIELDS = ("text", "title", "site", "author", "source")


class Command(BaseCommand):
    help = _("Test a topic query against texts: one JSON object a line with text and optional title, site, author, source.")

    def add_arguments(self, parser):
        parser.add_argument("--query", required=True, help=_("the query, e.g. '\"jalan rusak\" OR jalan*'"))
        parser.add_argument("--file", help=_("a JSON-lines file; standard input when left out"))
        parser.add_argument("--json", action="store_true", help=_('print {"matches": [true, false, ...]}'))

    def handle(self, *args, **options):
        try:
            query = compile_query(options["query"])
        except QueryError as err:
            raise CommandError(err.message(), returncode=1) from None
        name = options["file"] or "stdin"
        try:
            stream = open(options["file"], encoding="utf-8") if options["file"] else sys.stdin
        except OSError as exc:
            raise CommandError(_("Cannot open %(file)s: %(error)s") % {"file": name, "error": exc.strerror}, returncode=1) from None
        with stream:
            docs = list(self._documents(stream, name))
        matches = [query.matches(doc) for doc, _text in docs]
        if options["json"]:
            self.stdout.write(json.dumps({"matches": matches}))
            return
        yes, no = _("match"), _("no match")
        for (_doc, text), hit in zip(docs, matches, strict=True):
            self.stdout.write((yes if hit else no) + "\t" + text[:100])
        self.stderr.write(_("%(hits)d of %(total)d texts match.") % {"hits": sum(matches), "total": len(matches)})

    def _documents(self, stream, name):
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CommandError(_("%(file)s line %(line)d: not JSON (%(error)s)") % {"file": name, "line": number, "error": exc.msg}, returncode=1) from None
            if not isinstance(row, dict) or not isinstance(row.get("text", ""), str):
                raise CommandError(_("%(file)s line %(line)d: expected an object with \"text\"") % {"file": name, "line": number}, returncode=1)
            fields = {f: str(row.get(f) or "") for f in FIELDS}
            yield Document(**fields), fields["text"] or fields["title"]
