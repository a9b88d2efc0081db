"""The report's text, drafted from its data in Indonesian; the koordinator edits any section.

The report is an official document to the Governor, written in Indonesian (UU 24/2009 requires
Bahasa Indonesia in official documents), so its words are Indonesian here rather than translated
msgids; the pages around it go through Django's translations.
Section text is plain: paragraphs split by a blank line, lines starting with "- " are list items.
"""

from pantau.lib import fmt

# key, title; the order of the document. Sections whose data is missing are left out by `present`.
SECTIONS = [
    ("foreword", "Kata Pengantar"),
    ("summary", "Ringkasan Eksekutif"),
    ("basis", "Dasar Hukum dan Tujuan"),
    ("reports", "Rekapitulasi Laporan"),
    ("agencies", "Kinerja Perangkat Daerah"),
    ("follow_up", "Tindak Lanjut dan Penyelesaian"),
    ("opinion", "Opini Publik"),
    ("meetings", "Rapat Koordinasi"),
    ("conclusions", "Kesimpulan dan Rekomendasi"),
]
TITLES = dict(SECTIONS)

INDICATOR_LABELS = {
    "received": "Laporan diterima",
    "disposed": "Laporan terdisposisi",
    "disposed_on_time_share": "Disposisi tepat waktu",
    "followed_up_share": "Sudah ditindaklanjuti",
    "first_follow_up_on_time_share": "Tindak lanjut pertama tepat waktu",
    "resolved_share": "Selesai",
    "in_process_share": "Dalam proses",
    "follow_up_days_median": "Median hari kerja sampai tindak lanjut",
    "follow_up_days_p90": "Persentil 90 hari kerja sampai tindak lanjut",
    "backlog_0_5": "Terbuka 0-5 hari kerja",
    "backlog_6_14": "Terbuka 6-14 hari kerja",
    "backlog_15_60": "Terbuka 15-60 hari kerja",
    "backlog_over_60": "Terbuka lebih dari 60 hari kerja",
    "overdue_now": "Lewat batas waktu",
    "reporter_replies": "Tanggapan pelapor",
    "index": "Indeks",
    "zone": "Zona",
}
ZONE_LABELS = {"hijau": "Hijau", "kuning": "Kuning", "merah": "Merah"}


def present(data: dict) -> list[tuple[str, str]]:
    """The sections this report has: opinion and meetings only when their module gave data."""
    return [(k, t) for k, t in SECTIONS if not (k in ("opinion", "meetings") and not data.get(k))]


def draft(data: dict) -> dict[str, str]:
    """A first text for every present section, from the data."""
    writers = {
        "foreword": foreword, "summary": summary, "basis": basis, "reports": reports,
        "agencies": agencies, "follow_up": follow_up, "opinion": opinion, "meetings": meetings,
        "conclusions": conclusions,
    }
    return {key: writers[key](data) for key, _ in present(data)}


def texts(data: dict, edited: dict[str, str]) -> dict[str, str]:
    """The text of each present section: the koordinator's edit when there is one, else the draft."""
    drafted = draft(data)
    return {k: (edited.get(k) or "").strip() or drafted[k] for k in drafted}


def change(now, before, unit="%") -> str:
    """"naik 12,5%" / "turun 3,0%" / "tetap" against the previous period (relative for counts)."""
    if now is None or before is None:
        return "tanpa data pembanding"
    if unit == "%":
        if not before:
            return "tanpa data pembanding"
        rel = (now - before) / before * 100
    else:
        rel = now - before
    if abs(rel) < 0.05:
        return "tetap"
    word = "naik" if rel > 0 else "turun"
    if unit == "%":
        amount = fmt.percent(abs(rel))
    else:
        amount = f"{fmt.number(abs(rel), 0 if unit == 'laporan' else 1)} {unit}"
    return f"{word} {amount}"


def _versus(now, before, previous: dict) -> str:
    """"naik 12,5% dibanding Triwulan IV 2023", or that the previous period has no data."""
    if not before:
        return f"belum ada data {previous['label']} sebagai pembanding"
    return f"{change(now, before)} dibanding {previous['label']}"


def has_previous(data: dict) -> bool:
    return bool(data["previous_stats"]["province"].get("received"))


def _p(data):
    return data["stats"]["province"], data["previous_stats"]["province"], data["period"], data["previous"]


def _ranked(data):
    return sorted((a for a in data["stats"]["agencies"] if a.get("ranked") and a.get("rank")),
                  key=lambda a: a["rank"])


def top_categories(data: dict, n: int = 3) -> list[tuple[str, int]]:
    return rows(data["breakdowns"].get("by_category"))[:n]


def rows(value) -> list[tuple[str, int]]:
    """A breakdown as (label, count) pairs, whether given as a dict or a list of rows."""
    if not value:
        return []
    if isinstance(value, dict):
        return [(str(k), v) for k, v in value.items()]
    out = []
    for r in value:
        if isinstance(r, dict):
            label = r.get("label", r.get("name", r.get("key", "")))
            out.append((str(label), r.get("value", r.get("received", r.get("count", 0)))))
        else:
            out.append((str(r[0]), r[1]))
    return out


def foreword(data: dict) -> str:
    period = data["period"]
    return (
        "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa. Laporan ini menyajikan hasil "
        "pemantauan dan evaluasi pengelolaan pengaduan pelayanan publik melalui SP4N-LAPOR! di "
        f"lingkungan Pemerintah Provinsi Banten untuk periode {period['label']} "
        f"({fmt.day(_date(period['first_day']))} s.d. {fmt.day(_date(period['last_day']))}).\n\n"
        "Laporan ini memuat rekapitulasi laporan masyarakat, kinerja setiap Perangkat Daerah dalam "
        "menindaklanjuti dan menyelesaikan laporan, serta rekomendasi perbaikan. Semua angka dihitung "
        "dengan definisi yang tercantum pada lampiran. Kami berharap laporan ini menjadi bahan "
        "pengambilan keputusan bagi pimpinan."
    )


def summary(data: dict) -> str:
    prov, prev, period, previous = _p(data)
    parts = [
        f"Selama {period['label']}, Pemerintah Provinsi Banten menerima {fmt.number(prov.get('received'))} "
        f"laporan melalui SP4N-LAPOR! ({_versus(prov.get('received'), prev.get('received'), previous)}). Sebanyak {fmt.number(prov.get('disposed'))} laporan didisposisikan ke "
        f"Perangkat Daerah; {fmt.percent(prov.get('followed_up_share'))} sudah ditindaklanjuti dan "
        f"{fmt.percent(prov.get('resolved_share'))} selesai. Tindak lanjut pertama tepat waktu "
        f"{fmt.percent(prov.get('first_follow_up_on_time_share'))}; "
        f"{fmt.number(prov.get('overdue_now'))} laporan lewat batas waktu.",
    ]
    issues = top_categories(data)
    if issues:
        parts.append("Tiga isu utama yang paling banyak dilaporkan:\n" + "\n".join(
            f"- {name} ({fmt.number(n)} laporan)" for name, n in issues))
    ranked = _ranked(data)
    if ranked:
        best, worst = ranked[0], ranked[-1]
        parts.append(
            f"Kinerja terbaik dicapai {best['name']} (indeks {fmt.number(best.get('index'), 1)}); "
            f"kinerja terendah {worst['name']} (indeks {fmt.number(worst.get('index'), 1)})."
        )
    return "\n\n".join(parts)


def basis(data: dict) -> str:
    return (
        "Maksud penyusunan laporan ini adalah memberikan gambaran pengelolaan pengaduan pelayanan "
        "publik melalui SP4N-LAPOR! kepada pimpinan daerah. Tujuannya:\n"
        "- mengukur sejauh mana Perangkat Daerah menindaklanjuti dan menyelesaikan laporan masyarakat "
        "dalam batas waktu;\n"
        "- menunjukkan Perangkat Daerah yang memerlukan perhatian dan pembinaan;\n"
        "- menjadi dasar rekomendasi perbaikan pelayanan publik."
    )


def reports(data: dict) -> str:
    prov, _prev, period, _ = _p(data)
    b = data["breakdowns"]
    lines = [f"Pada {period['label']} tercatat {fmt.number(prov.get('received'))} laporan."]
    for key, phrase in (("by_kind", "Klasifikasi terbanyak"), ("by_channel", "Kanal terbanyak"),
                        ("by_category", "Kategori terbanyak"), ("by_region", "Wilayah terbanyak")):
        top = rows(b.get(key))
        if top:
            label, n = max(top, key=lambda r: r[1] or 0)
            lines.append(f"{phrase}: {label} ({fmt.number(n)} laporan).")
    monthly = rows(b.get("monthly"))
    if len(monthly) > 1:
        label, n = max(monthly, key=lambda r: r[1] or 0)
        lines.append(f"Laporan terbanyak masuk pada {label} ({fmt.number(n)} laporan).")
    return " ".join(lines)


def agencies(data: dict) -> str:
    agencies_ = data["stats"]["agencies"]
    ranked = [a for a in agencies_ if a.get("ranked")]
    zones = {z: sum(1 for a in ranked if a.get("zone") == z) for z in ZONE_LABELS}
    out = [
        f"Dari {fmt.number(len(agencies_))} Perangkat Daerah yang menerima laporan, "
        f"{fmt.number(len(ranked))} memenuhi jumlah laporan minimum untuk diperingkat: "
        f"{zones['hijau']} berada di zona hijau, {zones['kuning']} di zona kuning dan "
        f"{zones['merah']} di zona merah."
    ]
    changes = [c for c in data["changes"] if c["delta"] is not None]
    up = sorted((c for c in changes if c["delta"] >= 1), key=lambda c: -c["delta"])[:3]
    down = sorted((c for c in changes if c["delta"] <= -1), key=lambda c: c["delta"])[:3]
    prev_label = data["previous"]["label"]
    if up:
        out.append(f"Indeks yang naik paling banyak dibanding {prev_label}:\n" + "\n".join(
            f"- {c['name']}: {fmt.number(c['previous'], 1)} menjadi {fmt.number(c['index'], 1)}" for c in up))
    if down:
        out.append(f"Indeks yang turun paling banyak dibanding {prev_label}:\n" + "\n".join(
            f"- {c['name']}: {fmt.number(c['previous'], 1)} menjadi {fmt.number(c['index'], 1)}" for c in down))
    red = [a["name"] for a in agencies_ if a.get("ranked") and a.get("zone") == "merah"]
    if red:
        out.append("Perangkat Daerah yang memerlukan perhatian (zona merah): " + ", ".join(red) + ".")
    return "\n\n".join(out)


def follow_up(data: dict) -> str:
    prov = data["stats"]["province"]
    overdue = data["overdue"]
    total = sum(g["count"] for g in overdue)
    out = [
        f"Laporan yang masih terbuka menurut umurnya: {fmt.number(prov.get('backlog_0_5'))} laporan "
        f"0-5 hari kerja, {fmt.number(prov.get('backlog_6_14'))} laporan 6-14 hari kerja, "
        f"{fmt.number(prov.get('backlog_15_60'))} laporan 15-60 hari kerja dan "
        f"{fmt.number(prov.get('backlog_over_60'))} laporan lebih dari 60 hari kerja."
    ]
    if total:
        worst = ", ".join(f"{g['name']} ({fmt.number(g['count'])})" for g in overdue[:3])
        out.append(f"Sebanyak {fmt.number(total)} laporan periode ini melewati batas waktu; "
                   f"terbanyak di {worst}.")
    else:
        out.append("Tidak ada laporan yang melewati batas waktu.")
    return "\n\n".join(out)


def opinion(data: dict) -> str:
    return str((data.get("opinion") or {}).get("text", "")) or "Ringkasan pemantauan opini publik."


def meetings(data: dict) -> str:
    return str((data.get("meetings") or {}).get("text", "")) or "Rapat koordinasi pada periode ini."


def conclusions(data: dict) -> str:
    prov = data["stats"]["province"]
    overdue = data["overdue"]
    red = [a["name"] for a in data["stats"]["agencies"] if a.get("ranked") and a.get("zone") == "merah"]
    recs = []
    if overdue:
        recs.append(f"- {overdue[0]['name']} dan Perangkat Daerah lain yang memiliki laporan lewat batas "
                    "waktu segera menindaklanjuti laporan tersebut.")
    if red:
        recs.append("- Pembinaan Admin Penghubung pada Perangkat Daerah zona merah: " + ", ".join(red[:5]) + ".")
    share = prov.get("first_follow_up_on_time_share")
    if share is not None and share < 81:
        recs.append("- Tindak lanjut pertama paling lambat 5 hari kerja setelah disposisi; tingkat "
                    f"ketepatan saat ini {fmt.percent(share)}.")
    recs.append("- Rapat koordinasi dengan Admin Penghubung untuk membahas laporan yang belum selesai.")
    return (
        f"Secara umum {fmt.percent(prov.get('followed_up_share'))} laporan sudah ditindaklanjuti dan "
        f"{fmt.percent(prov.get('resolved_share'))} selesai.\n\nRekomendasi:\n" + "\n".join(recs)
    )


def _date(iso: str):
    from datetime import date

    return date.fromisoformat(iso)


def blocks(text: str) -> list[dict]:
    """Split section text into paragraphs and lists: [{"p": "..."} | {"list": ["...", ...]}]."""
    out: list[dict] = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        para: list[str] = []
        for line in chunk.split("\n"):
            s = line.strip()
            if s.startswith("- "):
                if para:
                    out.append({"p": " ".join(para)})
                    para = []
                if not out or "list" not in out[-1] or out[-1].get("_closed"):
                    out.append({"list": []})
                out[-1]["list"].append(s[2:].strip())
            elif s:
                if out and "list" in out[-1]:
                    out[-1]["_closed"] = True
                para.append(s)
        if para:
            out.append({"p": " ".join(para)})
        if out and "list" in out[-1]:
            out[-1]["_closed"] = True
    for b in out:
        b.pop("_closed", None)
    return out
