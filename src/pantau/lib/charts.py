"""Charts drawn by matplotlib (Agg) as SVG text, shared by the web pages, the PDF and the HTML report.

Every function returns a complete `<svg>` document as a string. No Django models here: callers pass
plain rows. The pictures are made to survive a grey office printer (distinct grey levels plus hatching,
values written on the marks), use Indonesian number formatting ("1.234", "56,7%"), a fixed size and
font (DejaVu Sans, shipped with matplotlib), and are byte-for-byte deterministic (fixed `svg.hashsalt`,
no date in the metadata), so a frozen report renders the same picture again.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from pantau.lib import fmt  # noqa: E402

# Dark to light with clearly different luminance: stays distinguishable when printed in grey.
FILLS = ["#1f3b57", "#4f7ca8", "#a9c4de", "#e4edf6", "#6b6b6b", "#c8c8c8"]
HATCHES = ["", "//", "..", "xx", "\\\\", "--"]
LINE_STYLES = ["-", "--", ":", "-."]
MARKERS = ["o", "s", "^", "D"]
INK = "#1a1a1a"
WIDTH_IN = 7.5

RC = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "svg.hashsalt": "pantau",
    "svg.fonttype": "none",  # text stays text: searchable, readable by screen readers, smaller
    "axes.edgecolor": "#555555",
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "hatch.linewidth": 0.6,
    "hatch.color": "#ffffff",
}

Formatter = Callable[[float], str] | str | None


def formatter(value_format: Formatter) -> Callable[[float], str]:
    """Resolve "number", "percent" (0..100), "decimal" (one decimal) or a callable to a function."""
    if callable(value_format):
        return value_format
    if value_format in (None, "number"):
        return lambda v: fmt.number(v)
    if value_format == "percent":
        return lambda v: fmt.percent(v)
    if value_format == "decimal":
        return lambda v: fmt.number(v, 1)
    raise ValueError(f"unknown value_format {value_format!r}")


def _fill(i: int) -> dict:
    fill = FILLS[i % len(FILLS)]
    hatch = HATCHES[i % len(HATCHES)]
    # Hatching on the lightest fills is drawn dark so it stays visible.
    light = fill in ("#a9c4de", "#e4edf6", "#c8c8c8")
    return {"color": fill, "hatch": hatch, "edgecolor": INK if light else fill, "linewidth": 0.5}


def _text_colour(i: int) -> str:
    return INK if FILLS[i % len(FILLS)] in ("#a9c4de", "#e4edf6", "#c8c8c8") else "#ffffff"


def _to_svg(fig, title: str | None) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "Pantau", "Title": title or ""})
    plt.close(fig)
    return _with_title(buf.getvalue(), title)


def _with_title(svg: str, title: str | None) -> str:
    """The bare <svg> element (no XML prolog, so it can sit inside HTML) named for screen readers:
    role="img", aria-label, and a <title> as its first child (matplotlib writes it from the metadata)."""
    start = svg.index("<svg")
    end = svg.index(">", start)
    label = escape(title or "Grafik", {'"': "&quot;"})
    body = svg[end + 1:]
    if not title:
        body = f"<title>{label}</title>" + body
    return svg[start:end] + f' role="img" aria-label="{label}">' + body


def _empty(fig, ax) -> None:
    ax.axis("off")
    ax.text(0.5, 0.5, "Tidak ada data", ha="center", va="center", color="#555555", fontsize=11)


def _title(ax, title: str | None) -> None:
    if title:
        ax.set_title(title, loc="left", fontsize=10.5, fontweight="bold", color=INK)


def _clean(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _value_axis(ax, f, horizontal: bool, top: float, room: float) -> None:
    """Indonesian numbers on the value axis, with `room` above the longest bar for its label."""
    axis = ax.xaxis if horizontal else ax.yaxis
    axis.set_major_formatter(FuncFormatter(lambda v, _p: f(v)))
    (ax.set_xlim if horizontal else ax.set_ylim)(0, top * room)


def _finish(fig, ax, title: str | None) -> str:
    _clean(ax)
    fig.tight_layout()
    return _to_svg(fig, title)


def bar(rows: Sequence[tuple[str, float]], *, title: str | None = None, value_format: Formatter = None,
        horizontal: bool = True) -> str:
    """One bar per (label, value) row, in the given order, each with its value written at its end."""
    f = formatter(value_format)
    height = (0.9 + 0.32 * max(len(rows), 1)) if horizontal else 3.4
    with plt.rc_context(RC):
        fig, ax = plt.subplots(figsize=(WIDTH_IN, height))
        _title(ax, title)
        if not rows:
            _empty(fig, ax)
            return _to_svg(fig, title)
        labels = [str(r[0]) for r in rows]
        values = [float(r[1] or 0) for r in rows]
        top = max(values + [0]) or 1
        if horizontal:
            pos = list(range(len(rows)))[::-1]
            ax.barh(pos, values, height=0.7, **_fill(0))
            ax.set_yticks(pos, labels)
            for y, v in zip(pos, values, strict=True):
                ax.text(v + top * 0.01, y, f(v), va="center", ha="left", color=INK)
        else:
            pos = list(range(len(rows)))
            ax.bar(pos, values, width=0.7, **_fill(0))
            long = max(map(len, labels)) > 6
            ax.set_xticks(pos, labels, rotation=30 if long else 0, ha="right" if long else "center")
            for x, v in zip(pos, values, strict=True):
                ax.text(x, v + top * 0.01, f(v), va="bottom", ha="center", color=INK)
        _value_axis(ax, f, horizontal, top, 1.18)
        return _finish(fig, ax, title)


def _stack(ax, pos, series: dict, f, horizontal: bool, top: float) -> None:
    """Draw the series on top of each other, writing each segment's value where it fits."""
    base = [0.0] * len(pos)
    for i, (name, values) in enumerate(series.items()):
        vals = [float(v or 0) for v in values]
        draw = ax.barh if horizontal else ax.bar
        kw = {"left": base} if horizontal else {"bottom": base}
        draw(pos, vals, 0.7, label=name, **kw, **_fill(i))
        for p, b, v in zip(pos, base, vals, strict=True):
            if v and v >= top * 0.06:
                x, y = (b + v / 2, p) if horizontal else (p, b + v / 2)
                ax.text(x, y, f(v), ha="center", va="center", color=_text_colour(i), fontsize=8)
        base = [b + v for b, v in zip(base, vals, strict=True)]


def stacked_bar(categories: Sequence[str], series: dict[str, Sequence[float]], *, title: str | None = None,
                value_format: Formatter = None, horizontal: bool = True) -> str:
    """One bar per category, split into the series (in dict order), with a legend and segment values."""
    f = formatter(value_format)
    height = (1.3 + 0.36 * max(len(categories), 1)) if horizontal else 3.6
    with plt.rc_context(RC):
        fig, ax = plt.subplots(figsize=(WIDTH_IN, height))
        _title(ax, title)
        if not categories or not series:
            _empty(fig, ax)
            return _to_svg(fig, title)
        pos = list(range(len(categories)))
        if horizontal:
            pos = pos[::-1]
        totals = [sum(float(s[i] or 0) for s in series.values()) for i in range(len(categories))]
        top = max(totals + [0]) or 1
        _stack(ax, pos, series, f, horizontal, top)
        _value_axis(ax, f, horizontal, top, 1.12)
        if horizontal:
            ax.set_yticks(pos, list(categories))
            for p, t in zip(pos, totals, strict=True):
                ax.text(t + top * 0.01, p, f(t), va="center", ha="left", color=INK, fontweight="bold")
        else:
            ax.set_xticks(pos, list(categories))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08 if horizontal else -0.12),
                  ncol=min(len(series), 4), frameon=False)
        return _finish(fig, ax, title)


def _plot_series(ax, xs, series: dict, f) -> float:
    """Draw each series, named at its last point (values written for the first); returns the peak."""
    peak = 0.0
    for i, (name, values) in enumerate(series.items()):
        points = [(x, float(v)) for x, v in zip(xs, values, strict=True) if v is not None]
        if not points:
            continue
        px, py = zip(*points, strict=True)
        peak = max(peak, *py)
        ax.plot(px, py, LINE_STYLES[i % 4], marker=MARKERS[i % 4], color=FILLS[[0, 1, 4, 2][i % 4]],
                linewidth=1.8, markersize=4, label=name)
        ax.annotate(name, (px[-1], py[-1]), xytext=(6, 0), textcoords="offset points", va="center",
                    color=INK, fontsize=8)
        if len(points) <= 12 and i == 0:  # values of the first series only: no overlapping labels
            for x, y in points:
                ax.annotate(f(y), (x, y), xytext=(0, 5), textcoords="offset points", ha="center",
                            fontsize=7, color="#333333")
    return peak


def line(x_labels: Sequence[str], series: dict[str, Sequence[float | None]], *, title: str | None = None,
         value_format: Formatter = None, reference: dict[str, float] | None = None) -> str:
    """One line per series over the x labels; each line named at its last point, values marked.

    `reference` draws labelled horizontal lines (e.g. {"Batas 50%": 50}).
    """
    f = formatter(value_format)
    with plt.rc_context(RC):
        fig, ax = plt.subplots(figsize=(WIDTH_IN, 3.4))
        _title(ax, title)
        if not x_labels or not series:
            _empty(fig, ax)
            return _to_svg(fig, title)
        xs = list(range(len(x_labels)))
        peak = _plot_series(ax, xs, series, f)
        for name, value in (reference or {}).items():
            ax.axhline(value, color="#777777", linewidth=0.8, linestyle=(0, (4, 2)))
            ax.text(xs[-1] + 0.3, value, f"{name}", va="bottom", ha="left", fontsize=7.5, color="#444444")
            peak = max(peak, value)
        ax.set_xticks(xs, list(x_labels), rotation=30 if len(x_labels) > 6 else 0,
                      ha="right" if len(x_labels) > 6 else "center")
        ax.set_xlim(-0.4, len(xs) - 0.4 + max(0.9, len(xs) * 0.12))
        ax.set_ylim(0, (peak or 1) * 1.15)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f(v)))
        ax.grid(axis="y", color="#e0e0e0", linewidth=0.6)
        ax.set_axisbelow(True)
        # No legend: every line is named at its last point, which also survives grey printing.
        return _finish(fig, ax, title)


def donut(rows: Sequence[tuple[str, float]], *, title: str | None = None, value_format: Formatter = None) -> str:
    """Shares of a whole: a ring with each slice's label, value and percentage written beside it."""
    f = formatter(value_format)
    with plt.rc_context(RC):
        fig, ax = plt.subplots(figsize=(WIDTH_IN * 0.75, 3.6))
        _title(ax, title)
        values = [float(r[1] or 0) for r in rows]
        total = sum(values)
        if not rows or total <= 0:
            _empty(fig, ax)
            return _to_svg(fig, title)
        labels = [f"{r[0]}\n{f(v)} ({fmt.percent(100 * v / total)})" for r, v in zip(rows, values, strict=True)]
        wedges, _texts = ax.pie(values, labels=labels, startangle=90, counterclock=False,
                                wedgeprops={"width": 0.42, "linewidth": 0.8, "edgecolor": "#ffffff"},
                                textprops={"fontsize": 8, "color": INK})
        for i, w in enumerate(wedges):
            w.set_facecolor(FILLS[i % len(FILLS)])
            w.set_hatch(HATCHES[i % len(HATCHES)])
        ax.text(0, 0, f(total), ha="center", va="center", fontsize=12, fontweight="bold", color=INK)
        ax.set_aspect("equal")
        fig.tight_layout()
        return _to_svg(fig, title)
