"""Quality check of an agency's answer (tindak lanjut) to a report.

What a good answer has, from the office's guidance to admins (issue 8): a greeting, what was done,
by whom, when, what the reporter can do next, and a contact. The check names each missing piece and
why, and scores the answer 0-100. Plain rules over the text: explainable to an admin in a meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

MIN_WORDS = 25

GENERIC_PHRASES = (
    "terima kasih atas laporan", "terimakasih atas laporan", "akan kami tindak lanjuti", "akan segera ditindaklanjuti",
    "akan ditindaklanjuti", "sedang dalam proses", "sudah kami teruskan", "telah kami teruskan", "sudah diteruskan",
    "mohon bersabar", "menjadi perhatian kami", "akan kami koordinasikan", "sedang ditangani", "akan kami cek",
    "laporan anda sudah kami terima", "laporan sudah diterima", "segera ditindaklanjuti",
)
# A concrete action: something already done or scheduled, said with a verb of doing.
ACTION = re.compile(
    r"\b(telah|sudah|akan|dijadwalkan|selesai)\s+(\w+\s+)?(di|me|mem|men|meng|meny|ber|ter)\w{3,}"
    r"|\b(diperbaiki|ditambal|dibersihkan|diangkut|dikirim|disalurkan|diterbitkan|dicairkan|diperiksa|"
    r"ditertibkan|dipasang|diganti|diproses|dibayarkan|dikembalikan|diverifikasi|diukur|disurvei|dilantik|"
    r"ditindak|disegel|dievaluasi|diaktifkan|dinonaktifkan|diperpanjang)\b",
    re.I,
)
TIME = re.compile(
    r"\b(\d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?|\d{1,2}[.:]\d{2}|pukul|tanggal|tgl|hari ini|besok|lusa|"
    r"minggu (ini|depan)|bulan (ini|depan)|paling lambat|selambat-lambatnya|dalam \d+ (hari|minggu|bulan)|"
    r"senin|selasa|rabu|kamis|jumat|jum'at|sabtu|januari|februari|maret|april|mei|juni|juli|agustus|"
    r"september|oktober|november|desember|triwulan|tahun \d{4})\b",
    re.I,
)
CONTACT = re.compile(
    r"(\+?62|0)8\d{7,11}|\(0\d{2,3}\)\s?\d{5,8}|\b0\d{2,3}[- ]\d{5,8}\b|[\w.+-]+@[\w-]+\.[\w.]+|"
    r"\b(hubungi|menghubungi|whatsapp|wa\b|telepon|telp|call center|posko|loket|kantor|datang (langsung )?ke|"
    r"alamat|jl\.|jalan [A-Z]|website|laman|situs)\b",
    re.I,
)
GREETING = re.compile(r"\b(yth|yang terhormat|salam|selamat (pagi|siang|sore|malam)|bapak|ibu|sdr|saudara|"
                      r"terima kasih|terimakasih|assalamu)\b", re.I)
IMPOLITE = re.compile(
    r"\b(bodoh|goblok|tolol|bego|jangan banyak (protes|komplain|ngeluh|mengeluh)|bukan urusan (kami|kita)|"
    r"salah (anda|sendiri)|urus sendiri|tidak usah (lapor|protes)|cerewet|malas|ngapain|emang|dasar)\b",
    re.I,
)
WORD = re.compile(r"\w+", re.U)


@dataclass
class Problem:
    code: str
    name: str
    why: str
    weight: int

    def as_dict(self) -> dict:
        return {"code": self.code, "name": str(self.name), "why": str(self.why)}


@dataclass
class Verdict:
    score: int
    problems: list[Problem] = field(default_factory=list)

    @property
    def is_good(self) -> bool:
        return self.score >= 70

    def as_dict(self) -> dict:
        return {"score": self.score, "good": self.is_good, "problems": [p.as_dict() for p in self.problems]}


def normalise(text: str) -> str:
    return " ".join(WORD.findall((text or "").lower()))


def check_answer(text: str, *, copied_from: str | None = None) -> Verdict:
    """Score an answer and name what it lacks. `copied_from`: the tracking ID of another report whose
    answer is the same text (found by `find_copies`), if any."""
    words = WORD.findall(text or "")
    low = (text or "").lower()
    problems: list[Problem] = []

    def add(code, name, why, weight):
        problems.append(Problem(code, name, why, weight))

    if len(words) < MIN_WORDS:
        add("too_short", _("Too short"),
            _("%(n)d words; a useful answer explains in at least %(min)d words.") % {"n": len(words), "min": MIN_WORDS}, 25)
    generic = [p for p in GENERIC_PHRASES if p in low]
    if generic and (len(words) < 40 or not ACTION.search(text or "")):
        add("generic", _("Generic"),
            _("Stock phrases (\"%(phrase)s\") without saying what was done.") % {"phrase": generic[0]}, 20)
    if copied_from:
        add("copied", _("Copied from another report"),
            _("The same text was posted on report #%(id)s; answer this reporter's own case.") % {"id": copied_from}, 25)
    if not ACTION.search(text or ""):
        add("no_action", _("No concrete action"), _("It does not say what was done or will be done, and by whom."), 25)
    if not TIME.search(text or ""):
        add("no_time", _("No time"), _("It gives no date or time for what was done or will be done."), 15)
    if not CONTACT.search(text or ""):
        add("no_contact", _("No contact"), _("It gives no phone, e-mail, address or office the reporter can turn to."), 10)
    rude = IMPOLITE.search(text or "")
    letters = [c for c in (text or "") if c.isalpha()]
    shouting = len(letters) > 20 and sum(c.isupper() for c in letters) / len(letters) > 0.6
    if rude or shouting or (text or "").count("!") >= 3:
        why = _("Impolite word: \"%(w)s\".") % {"w": rude.group(0)} if rude else _("Shouting: capital letters or many exclamation marks.")
        add("impolite", _("Impolite"), why, 35)
    if not GREETING.search(text or ""):
        add("no_greeting", _("No greeting"), _("It does not greet the reporter (e.g. \"Yth. Bapak/Ibu\")."), 5)
    score = max(0, 100 - sum(p.weight for p in problems))
    return Verdict(score, problems)


def find_copies(answers: list[tuple[str, str]], min_words: int = 8) -> dict[str, str]:
    """Among (tracking_id, answer) pairs, map each report whose answer text also stands on another
    report to that other report's tracking ID. Short answers are left to the "too short" rule."""
    first_seen: dict[str, str] = {}
    copies: dict[str, str] = {}
    for tracking_id, text in answers:
        key = normalise(text)
        if len(key.split()) < min_words:
            continue
        if key in first_seen and first_seen[key] != tracking_id:
            copies[tracking_id] = first_seen[key]
        else:
            first_seen.setdefault(key, tracking_id)
    return copies
