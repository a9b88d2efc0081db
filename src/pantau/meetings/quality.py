"""Answer quality over imported follow-ups: share of good answers per agency, and teaching examples."""

from __future__ import annotations

import re

from pantau.complaints.models import FollowUp
from pantau.lib.answer_quality import check_answer, find_copies
from pantau.lib.periods import Period

PHONE = re.compile(r"(\+?62|0)8\d{7,11}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def _follow_ups(period: Period, agency_ids=None):
    qs = (FollowUp.objects.filter(posted_at__gte=period.start, posted_at__lt=period.end)
          .select_related("complaint").order_by("posted_at", "id"))
    if agency_ids is not None:
        qs = qs.filter(complaint__agency_id__in=agency_ids)
    return qs


def checked_answers(period: Period, agency_ids=None) -> list[tuple[FollowUp, object]]:
    """Every follow-up of the period with its verdict; copies are found across all agencies' answers."""
    rows = list(_follow_ups(period, agency_ids))
    copies = find_copies([(f.complaint.tracking_id, f.text) for f in rows])
    return [(f, check_answer(f.text, copied_from=copies.get(f.complaint.tracking_id))) for f in rows]


def quality_by_agency(period: Period, agency_ids=None) -> dict[int, dict]:
    """{agency_id: {"checked": n, "good": n, "good_share": 0-100 or None, "mean_score": x}}."""
    out: dict[int, dict] = {}
    for f, v in checked_answers(period, agency_ids):
        row = out.setdefault(f.complaint.agency_id, {"checked": 0, "good": 0, "score_sum": 0})
        row["checked"] += 1
        row["good"] += v.is_good
        row["score_sum"] += v.score
    for row in out.values():
        row["good_share"] = round(100 * row["good"] / row["checked"], 1) if row["checked"] else None
        row["mean_score"] = round(row.pop("score_sum") / row["checked"], 1) if row["checked"] else None
    return out


def anonymise(text: str, complaint) -> str:
    """Remove the reporter's identity and tracking number from an answer used as a teaching example."""
    for value, mask in ((complaint.reporter_name, "[nama pelapor]"), (complaint.reporter_phone, "[telepon pelapor]"),
                        (complaint.reporter_email, "[surel pelapor]"), (complaint.tracking_id, "[nomor laporan]")):
        if value and len(value) > 2:
            text = re.sub(re.escape(value), mask, text, flags=re.I)
            first = value.split()[0] if " " in value else None
            if first and len(first) > 2 and mask == "[nama pelapor]":
                text = re.sub(rf"\b{re.escape(first)}\b", mask, text, flags=re.I)
    text = EMAIL.sub("[surel]", text) if complaint.reporter_email else text
    return text


def examples(period: Period, n: int = 3, agency_ids=None) -> dict[str, list[dict]]:
    """The best and the poorest answers of the period, anonymised, with the verdict's reasons."""
    scored = [(f, v) for f, v in checked_answers(period, agency_ids) if f.text.strip()]
    scored.sort(key=lambda fv: (-fv[1].score, fv[0].id))
    seen: set[str] = set()

    def pick(items):
        out = []
        for f, v in items:
            key = " ".join(f.text.lower().split())
            if key in seen:
                continue
            seen.add(key)
            out.append({"text": anonymise(f.text, f.complaint), "score": v.score,
                        "problems": [p.as_dict() for p in v.problems],
                        "kind": f.complaint.get_kind_display(), "agency": f.complaint.agency})
            if len(out) == n:
                break
        return out

    return {"good": pick(scored), "poor": pick(reversed(scored))}
