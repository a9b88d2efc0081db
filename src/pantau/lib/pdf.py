"""PDF through typst with a fixed set of fonts, so every machine produces the same bytes.

Fonts: the DejaVu family that matplotlib ships in `matplotlib/mpl-data/fonts/ttf`. matplotlib is
already a dependency (charts), DejaVu covers Latin with every Indonesian character, has Sans, Serif,
Mono in regular/bold/italic, and the charts use the same face, so text and figures match. System
fonts are ignored (`ignore_system_fonts=True`) so the server's installed fonts never change a file.

Data never goes into typst markup as text: callers pass a JSON document and files (charts, logo)
that the template reads with `json(...)` and `image(...)`, so nothing a user typed can inject markup.
PDF/A-2b: the typst binding's `pdf_standards` accepts "a-2b"; typst checks conformance while
exporting and refuses a document that would break it.
"""

import json
import tempfile
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import typst

PDF_STANDARD = "a-2b"


@cache
def font_dir() -> Path:
    """The folder of DejaVu TTF files inside the installed matplotlib package."""
    import matplotlib

    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    if not (path / "DejaVuSans.ttf").exists():
        raise RuntimeError(f"DejaVu fonts not found in {path}; reinstall matplotlib")
    return path


class PdfError(RuntimeError):
    """Typst refused the document; the message carries typst's diagnostic."""


def compile_pdf(
    template: str,
    data: dict,
    files: dict[str, bytes] | None = None,
    timestamp: datetime | None = None,
    pdf_a: bool = True,
) -> bytes:
    """Compile `template` (typst source) reading `data.json` and `files` from a private folder.

    The template reads `json("data.json")` and refers to files by their names. `timestamp` is the
    document's creation date; the same inputs and timestamp give byte-identical PDFs.
    """
    stamp = timestamp or datetime(2000, 1, 1, tzinfo=UTC)
    with tempfile.TemporaryDirectory(prefix="pantau-typst-") as tmp:
        root = Path(tmp)
        (root / "main.typ").write_text(template, encoding="utf-8")
        (root / "data.json").write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
        for name, content in (files or {}).items():
            target = root / name
            if target.resolve().parent != root.resolve():
                raise ValueError(f"file name {name!r} must be a plain name")
            target.write_bytes(content)
        try:
            return typst.compile(
                str(root / "main.typ"),
                root=str(root),
                font_paths=[str(font_dir())],
                ignore_system_fonts=True,
                pdf_standards=[PDF_STANDARD] if pdf_a else [],
                timestamp=stamp,
            )
        except typst.TypstError as exc:
            raise PdfError(f"{exc.message}\n{exc.diagnostic}") from exc
        except RuntimeError as exc:
            raise PdfError(str(exc)) from exc
