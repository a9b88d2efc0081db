"""The report as one renderer-neutral structure: sections of text blocks, tables and charts.

PDF, DOCX and HTML all render this same structure, so the three files carry the same content.
"""

from datetime import date

from pantau.lib import fmt

from . import narrative as nv

TITLE = "Laporan Pengelolaan Pengaduan Pelayanan Publik SP4N-LAPOR!"
GOVERNMENT = "Pemerintah Provinsi Banten"

# A soft hyphen lets the long header word break in its narrow column instead of overrunning the next.
AGENCY_COLUMNS = [
    ("rank", "Peringkat"), ("name", "Perangkat Daerah"), ("received", "Diterima"),
    ("followed_up_share", "Ditindak\u00adlanjuti"), ("first_follow_up_on_time_share", "TL tepat waktu"),
    ("resolved_share", "Selesai"), ("follow_up_days_median", "Median hari"),
    ("overdue_now", "Lewat batas"), ("index", "Indeks"), ("zone", "Zona"),
]
SHARES = {"disposed_on_time_share", "followed_up_share", "first_follow_up_on_time_share",
          "resolved_share", "in_process_share"}


def value(key: str, v) -> str:
    """An indicator value as printed: shares "56,7%", days "3,5", counts "1.234", zones capitalised."""
    if key in SHARES:
        return fmt.percent(v)
    if key == "zone":
        return nv.ZONE_LABELS.get(v, "–") if v else "–"
    if key in ("index", "follow_up_days_median", "follow_up_days_p90"):
        return fmt.number(v, 1)
    if key == "rank":
        return str(v) if v else "–"
    if isinstance(v, int | float) or v is None:
        return fmt.number(v)
    return str(v)


def build(data: dict, edited: dict[str, str], version_label: str, issued: date,
          with_charts: bool = True, public: bool = False) -> dict:
    """The document for `data` with the koordinator's `edited` section texts. `public` (the HTML
    version for the website) leaves out the titles of notable cases: a tracking ID never goes out
    together with a report's own words."""
    if public:
        data = {**data, "notable": [{**c, "title": ""} for c in data.get("notable", [])]}
    texts = nv.texts(data, edited)
    builders = {
        "summary": _summary_items, "basis": _basis_items, "reports": _reports_items,
        "agencies": _agency_items, "follow_up": _follow_up_items,
        "opinion": _opinion_items, "meetings": _meetings_items,
    }
    sections = []
    for number, (key, title) in enumerate(nv.present(data), start=1):
        items = builders[key](data, with_charts) if key in builders else []
        sections.append({"key": key, "number": number, "title": title,
                         "blocks": nv.blocks(texts[key]), "items": items})
    lh = data["letterhead"]
    return {
        "title": TITLE, "government": GOVERNMENT, "period_label": data["period"]["label"],
        "period_range": f"{fmt.day(date.fromisoformat(data['period']['first_day']))} s.d. "
                        f"{fmt.day(date.fromisoformat(data['period']['last_day']))}",
        "version": version_label, "letterhead": lh, "sections": sections,
        "appendix": {"title": "Lampiran: Definisi Indikator", "items": data.get("indicators", [])},
        "signature": {"place_date": f"{lh['sign_place']}, {fmt.day(issued)}", "title": lh["signer_title"],
                      "name": lh["signer_name"] or "(nama)", "nip": f"NIP. {lh['signer_nip'] or '-'}"},
    }


def _cards(data: dict) -> list[list[str]]:
    prov, prev = data["stats"]["province"], data["previous_stats"]["province"]
    out = []
    if not nv.has_previous(data):
        prev = {}
    for key in ("received", "followed_up_share", "resolved_share", "first_follow_up_on_time_share", "overdue_now"):
        unit = "%" if key == "received" else "poin"
        now, before = prov.get(key), prev.get(key)
        delta = nv.change(now, before, unit) if key in SHARES or key == "received" else nv.change(now, before, "laporan")
        out.append([nv.INDICATOR_LABELS[key], value(key, now), delta])
    return out


def _summary_items(data, with_charts):
    return [{"table": {"title": f"Angka utama {data['period']['label']} dibanding {data['previous']['label']}",
                       "header": ["Indikator", "Nilai", "Perubahan"], "rows": _cards(data),
                       "align": ["left", "right", "left"]}}]


def _basis_items(data, with_charts):
    return [{"list": data.get("legal_basis", []), "title": "Dasar hukum", "numbered": True}]


def _count_table(title: str, first: str, pairs, total: int | None = None) -> dict:
    total = total if total is not None else sum(n or 0 for _, n in pairs)
    rows = [[label, fmt.number(n), fmt.percent(n / total * 100 if total else None)] for label, n in pairs]
    return {"table": {"title": title, "header": [first, "Jumlah", "Persentase"], "rows": rows,
                      "align": ["left", "right", "right"]}}


def _chart(name: str, caption: str, kind: str, *args, **kwargs) -> dict | None:
    """A chart item drawn by the dashboard's chart functions (pantau.lib.charts)."""
    from pantau.lib import charts

    try:
        svg = getattr(charts, kind)(*args, **kwargs)
    except Exception:  # a chart never stops a report; the table next to it has the numbers
        import logging

        logging.getLogger(__name__).exception("chart %s failed", name)
        return None
    return {"chart": {"name": name, "title": caption, "svg": svg}}


def _reports_items(data, with_charts):
    b = data["breakdowns"]
    items = []
    for key, title, first in (("by_status", "Laporan menurut status", "Status"),
                              ("by_kind", "Laporan menurut klasifikasi", "Klasifikasi"),
                              ("by_channel", "Laporan menurut kanal", "Kanal")):
        items.append(_count_table(title, first, nv.rows(b.get(key))))
    top = nv.rows(b.get("by_category"))[:10]
    if with_charts and top:
        items.append(_chart("categories", "10 kategori terbanyak",
                            "bar", top, title="10 kategori terbanyak", value_format="number"))
    items.append(_count_table("10 kategori terbanyak", "Kategori", top,
                              total=data["stats"]["province"].get("received") or 0))
    items.append(_count_table("Laporan menurut kabupaten/kota", "Kabupaten/kota", nv.rows(b.get("by_region"))))
    monthly = b.get("monthly") or []
    if with_charts and monthly:
        labels = [m["label"] for m in monthly]
        series = {"Diterima": [m.get("received") or 0 for m in monthly],
                  "Selesai": [m.get("resolved") or 0 for m in monthly]}
        items.append(_chart("monthly", "Tren bulanan laporan diterima dan selesai",
                            "line", labels, series, title="Tren bulanan", value_format="number"))
    items.append({"table": {"title": "Laporan per bulan", "header": ["Bulan", "Diterima", "Selesai"],
                            "rows": [[m["label"], fmt.number(m.get("received")), fmt.number(m.get("resolved"))]
                                     for m in monthly], "align": ["left", "right", "right"]}})
    return [i for i in items if i]


def agency_table(data: dict) -> dict:
    agencies = sorted(data["stats"]["agencies"],
                      key=lambda a: (a.get("rank") or 10_000, -(a.get("received") or 0), a["name"]))
    rows = [[value(k, a.get(k)) for k, _ in AGENCY_COLUMNS] for a in agencies]
    return {"title": "Kinerja setiap Perangkat Daerah", "header": [t for _, t in AGENCY_COLUMNS],
            "rows": rows, "align": ["right", "left"] + ["right"] * 7 + ["left"], "small": True,
            "note": "Peringkat hanya untuk Perangkat Daerah dengan jumlah laporan minimum; "
                    "definisi indikator ada di lampiran."}


def _agency_items(data, with_charts):
    items = [{"table": agency_table(data)}]
    ranked = [a for a in data["stats"]["agencies"] if a.get("ranked") and a.get("index") is not None]
    ranked.sort(key=lambda a: a["index"])
    if with_charts and ranked:
        worst = [(a["name"], round(a["index"], 1)) for a in ranked[:10]]
        items.append(_chart("attention", "10 indeks terendah",
                            "bar", worst, title="10 indeks terendah", value_format="decimal"))
    attention = [a for a in data["stats"]["agencies"] if a.get("ranked") and a.get("zone") == "merah"]
    if attention:
        items.append({"table": {"title": "Perangkat Daerah yang memerlukan perhatian",
                                "header": ["Perangkat Daerah", "Indeks", "Lewat batas", "Selesai"],
                                "rows": [[a["name"], value("index", a.get("index")),
                                          value("overdue_now", a.get("overdue_now")),
                                          value("resolved_share", a.get("resolved_share"))] for a in attention],
                                "align": ["left", "right", "right", "right"]}})
    return items


def _follow_up_items(data, with_charts):
    prov = data["stats"]["province"]
    ages = [(nv.INDICATOR_LABELS[k], prov.get(k) or 0)
            for k in ("backlog_0_5", "backlog_6_14", "backlog_15_60", "backlog_over_60")]
    items = [_count_table("Laporan terbuka menurut umur", "Umur", ages)]
    if data["overdue"]:
        items.append({"table": {
            "title": "Laporan lewat batas waktu per Perangkat Daerah",
            "header": ["Perangkat Daerah", "Jumlah", "Nomor tracking"],
            "rows": [[g["name"], fmt.number(g["count"]), _ids(g)] for g in data["overdue"]],
            "align": ["left", "right", "left"], "widths": [3, 1, 6]}})
    if data["notable"]:
        titled = any(c["title"] for c in data["notable"])
        header = ["Nomor", "Judul", "Kategori", "Perangkat Daerah", "Diterima", "Selesai"]
        rows = [[f"#{c['tracking_id']}", c["title"], c["category"], c["agency"],
                 _day(c["received"]), _day(c["completed"])] for c in data["notable"]]
        widths = [1.4, 3, 1.6, 2.6, 1.5, 1.5]
        if not titled:
            header, rows, widths = header[:1] + header[2:], [r[:1] + r[2:] for r in rows], widths[:1] + widths[2:]
        items.append({"table": {"title": "Penyelesaian laporan yang patut dicatat", "header": header,
                                "rows": rows, "align": ["left"] * len(header), "widths": widths}})
    return items


def _ids(group: dict) -> str:
    shown = ", ".join(f"#{t}" for t in group["tracking_ids"])
    more = group["count"] - len(group["tracking_ids"])
    return f"{shown} dan {fmt.number(more)} lainnya" if more > 0 else shown


def _day(iso):
    from datetime import datetime

    return fmt.day(datetime.fromisoformat(iso)) if iso else "–"


def _generic_items(section: dict | None) -> list[dict]:
    """Optional modules give {"text", "tables": [{"title","header","rows"}]}; show their tables."""
    out = []
    for t in (section or {}).get("tables", []) or []:
        out.append({"table": {"title": str(t.get("title", "")), "header": [str(h) for h in t.get("header", [])],
                              "rows": [[str(c) for c in r] for r in t.get("rows", [])],
                              "widths": [1] * len(t.get("header", []))}})
    return out


def _opinion_items(data, with_charts):
    return _generic_items(data.get("opinion"))


def _meetings_items(data, with_charts):
    return _generic_items(data.get("meetings"))
