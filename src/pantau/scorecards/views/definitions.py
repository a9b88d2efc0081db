"""/definisi/: the indicator definitions (scorecards/indicators.md, shipped with the package) as a page,
one anchor per indicator."""

from functools import lru_cache
from pathlib import Path

import markdown
from django.shortcuts import render
from django.utils.safestring import mark_safe

DOC = Path(__file__).resolve().parent.parent / "indicators.md"


@lru_cache(maxsize=1)
def rendered(mtime: float) -> str:
    """The document as HTML; headings keep their {#key} anchors. Re-rendered when the file changes."""
    return markdown.markdown(DOC.read_text(encoding="utf-8"), extensions=["attr_list", "tables", "sane_lists"])


def indicator_definitions(request):
    """Public: definitions carry no data, and the transparency page links here too."""
    return render(request, "scorecards/definitions.html", {"body": mark_safe(rendered(DOC.stat().st_mtime))})  # noqa: S308 - our own file
