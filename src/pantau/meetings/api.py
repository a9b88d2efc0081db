"""What other parts read from the meetings app: the quarterly report's section on meetings."""

from pantau.lib import fmt
from pantau.lib.periods import Period

from .models import Meeting


def report_section(period: Period) -> dict | None:
    """Meetings held in the period: {"text", "tables"} for the quarterly report, or None when none."""
    meetings = list(Meeting.objects.filter(starts_at__gte=period.start, starts_at__lt=period.end)
                    .prefetch_related("invitations", "attendees", "decisions").order_by("starts_at"))
    if not meetings:
        return None
    rows, decisions = [], []
    for m in meetings:
        present_agencies = {a.agency_id for a in m.attendees.all() if a.present and a.agency_id}
        rows.append([fmt.day(m.starts_at), m.title, m.place, fmt.number(len(m.invitations.all())),
                     fmt.number(len(present_agencies)), fmt.number(len(m.decisions.all()))])
        for d in m.decisions.all():
            decisions.append([d.text, d.agency.name if d.agency_id else "-", fmt.day(d.due_date) if d.due_date else "-",
                              d.get_status_display()])
    text = (f"Selama {period.label()} diselenggarakan {fmt.number(len(meetings))} rapat koordinasi pengelolaan "
            f"SP4N-LAPOR! dengan admin perangkat daerah, menghasilkan {fmt.number(len(decisions))} keputusan.")
    tables = [{"title": "Rapat koordinasi", "header": ["Tanggal", "Rapat", "Tempat", "OPD diundang", "OPD hadir", "Keputusan"],
               "rows": rows}]
    if decisions:
        tables.append({"title": "Keputusan rapat", "header": ["Keputusan", "Penanggung jawab", "Tenggat", "Status"],
                       "rows": decisions})
    return {"text": text, "tables": tables}
