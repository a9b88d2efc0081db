"""The public page and the static site: the same template, the same aggregates."""

from pathlib import Path

from django.template.loader import render_to_string

from pantau.lib import fmt
from pantau.lib.periods import Period
from pantau.reports.data import indicator_definitions

from .public import open_data_csv, open_data_json, page_context, public_data

FILES = {"csv": "data.csv", "json": "data.json", "definitions": "definisi.html"}


def render_index(data: dict, links: dict, extra: dict | None = None) -> str:
    ctx = page_context(data)
    ctx.update(links=links, first_day=fmt.day(_d(data["first_day"])), last_day=fmt.day(_d(data["last_day"])))
    ctx.update(extra or {})
    return render_to_string("transparency/site.html", ctx)


def render_definitions(back: str) -> str:
    return render_to_string("transparency/definitions.html",
                            {"indicators": indicator_definitions(), "back": back})


def publish(period: Period, out: Path) -> list[Path]:
    """Write index.html, data.csv, data.json and definisi.html for `period` into `out`."""
    data = public_data(period)
    out.mkdir(parents=True, exist_ok=True)
    written = {
        "index.html": render_index(data, FILES),
        FILES["csv"]: open_data_csv(data),
        FILES["json"]: open_data_json(data),
        FILES["definitions"]: render_definitions("index.html"),
    }
    paths = []
    for name, text in written.items():
        path = out / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _d(iso: str):
    from datetime import date

    return date.fromisoformat(iso)
