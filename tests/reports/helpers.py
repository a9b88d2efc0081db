import io
import json

import pypdf
from django.core.management import call_command


def stats_json(period: str) -> dict:
    out = io.StringIO()
    call_command("stats", "--period", period, "--json", stdout=out)
    return json.loads(out.getvalue())


def pdf_pages(content: bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(content)).pages]
