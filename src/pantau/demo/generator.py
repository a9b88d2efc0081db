"""Generate the demo reports in memory, deterministically: the same seed and calendar give the same
reports, follow-ups and events. Nothing here touches the database (seed.py writes)."""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from . import compose
from .catalog import (
    AGENCIES,
    AGENCY_BY_SLUG,
    COASTAL_ONLY,
    REGIONS,
    RURAL_ONLY,
    SUPERVISORY_CATEGORIES,
    AgencySpec,
)
from .workdays import WorkdayIndex, office_time

WIB = ZoneInfo("Asia/Jakarta")
FIRST_DAY = date(2024, 1, 1)
LAST_DAY = date(2025, 6, 30)
CUTOFF = datetime.combine(LAST_DAY + timedelta(days=1), time(0), tzinfo=WIB)  # the export's "now"


@dataclass(frozen=True)
class Profile:
    follow: float  # share of reports the agency ever answers
    delay: float  # mean working days from disposition to first follow-up
    good: float  # share of good answers (action, time, contact)
    medium: float  # share of so-so answers; the rest are poor


PROFILES = {
    "fast": Profile(0.98, 1.5, 0.65, 0.25),
    "steady": Profile(0.92, 3.5, 0.40, 0.35),
    "slow": Profile(0.85, 8.0, 0.25, 0.40),
    "neglectful": Profile(0.50, 15.0, 0.08, 0.30),
}
# improving/worsening agencies move from one profile to another over the demo period.
TRENDS = {"improving": ("neglectful", "fast"), "worsening": ("fast", "slow")}

CHANNELS = (("website", 34), ("aplikasi", 30), ("twitter", 10), ("whatsapp", 11), ("sms", 7),
            ("kanal_daerah", 6), ("media_sosial", 2))
STATUS_TEXT = {
    "unverified": "Belum Terverifikasi", "in_process": "Proses", "followed_up": "Ditindaklanjuti oleh Instansi",
    "reporter_replied": "Ditanggapi oleh Pelapor", "completed": "Selesai", "postponed": "Tunda",
    "archived": "Arsip", "not_authorised": "Bukan Wewenang",
}


def profile_at(spec: AgencySpec, when: datetime) -> Profile:
    """The agency's behaviour at a moment: fixed, or interpolated for improving/worsening agencies."""
    if spec.profile in PROFILES:
        return PROFILES[spec.profile]
    start, end = (PROFILES[p] for p in TRENDS[spec.profile])
    t = min(1.0, max(0.0, (when.date() - FIRST_DAY).days / (LAST_DAY - FIRST_DAY).days))
    mix = lambda a, b: a + (b - a) * t  # noqa: E731
    return Profile(*(mix(getattr(start, f), getattr(end, f)) for f in ("follow", "delay", "good", "medium")))


@dataclass
class Report:
    """One generated report with its follow-ups and events; field names match the models."""

    fields: dict
    agency: str | None
    region: str
    category: tuple[str, str | None]
    follow_ups: list = field(default_factory=list)  # (posted_at, text, agency slug)
    events: list = field(default_factory=list)  # dicts for ComplaintEvent


class Generator:
    def __init__(self, seed: int, calendar, count: int = 8000):
        self.rng = random.Random(seed)
        self.count = count
        self.wd = WorkdayIndex(calendar, FIRST_DAY - timedelta(days=10), LAST_DAY + timedelta(days=400))
        self.agency_weights = [a.weight for a in AGENCIES]

    def reports(self) -> list[Report]:
        """All reports, sorted by arrival, with tracking IDs in arrival order."""
        made = [self._report() for _ in range(self.count)]
        made.sort(key=lambda r: r.fields["received_at"])
        tracking = 8_412_000 + self.rng.randint(0, 999)
        for r in made:
            tracking += self.rng.randint(3, 90)
            r.fields["tracking_id"] = str(tracking)
        return made

    # --- one report -------------------------------------------------------------------------
    def _report(self) -> Report:
        rng = self.rng
        spec = rng.choices(AGENCIES, self.agency_weights)[0]
        top, sub = rng.choice(spec.categories).split(" > ")
        received = self._arrival(sub)
        region = self._region(spec, sub)
        kind = compose.available_kind(rng.choices(("pengaduan", "aspirasi", "informasi"), (70, 17, 13))[0], top)
        supervisory = kind == "pengaduan" and (top, sub) in SUPERVISORY_CATEGORIES and rng.random() < 0.7
        secret_share = 0.5 if top.startswith("Pemberdayaan Perempuan") else 0.25 if supervisory else 0.015
        values = compose.place_values(rng, region, spec.slug)
        title, text = compose.report_text(rng, top, sub, kind, values)
        fields = {
            "title": title, "text": text, "kind": kind, "supervisory": supervisory,
            "channel": rng.choices([c for c, _ in CHANNELS], [w for _, w in CHANNELS])[0],
            "is_anonymous": rng.random() < 0.15, "is_secret": rng.random() < secret_share,
            "received_at": received, **compose.person(rng, region),
        }
        # LAPOR! admins file aspirations and questions under the topic only, complaints under a sub-topic.
        report = Report(fields, None, region.slug, (top, sub if kind == "pengaduan" else None))
        self._lifecycle(report, spec, values)
        return report

    def _arrival(self, sub: str) -> datetime:
        """A moment of arrival: more on weekdays and in office hours, a growing volume over time,
        school admissions in June-July and floods in the rainy months."""
        rng, span = self.rng, (LAST_DAY - FIRST_DAY).days
        while True:
            d = FIRST_DAY + timedelta(days=rng.randint(0, span))
            weight = (1.0 if self.wd.is_working_day(d) else 0.35) * (0.8 + 0.4 * (d - FIRST_DAY).days / span)
            if sub == "Penerimaan Peserta Didik Baru":
                weight *= 3.0 if d.month in (6, 7) else 0.25
            elif sub in ("Banjir", "Drainase dan Saluran Air", "Tanah Longsor"):
                weight *= 2.0 if d.month in (12, 1, 2, 3) else 0.6
            if rng.random() * 3.0 < weight:
                break
        if rng.random() < 0.65:
            minute = rng.randint(8 * 60, 16 * 60)
        else:
            minute = rng.randint(0, 24 * 60 - 1)
        return datetime.combine(d, time(minute // 60, minute % 60, rng.randint(0, 59)), tzinfo=WIB)

    def _region(self, spec: AgencySpec, sub: str):
        """Where the report is about: mostly an agency's home regions (RSUD, Samsat), and only places
        where the topic exists (farms in the kabupaten, the sea on the coast, sights where they are)."""
        places = [r for r in REGIONS if (sub not in RURAL_ONLY or r.kind == "kabupaten")
                  and (sub not in COASTAL_ONLY or r.coast)
                  and (sub != "Destinasi Wisata" or r.slug in compose.SIGHTS)]
        home = [r for r in places if r.slug in spec.home_regions]
        if home and self.rng.random() < 0.95:
            return self.rng.choice(home)
        return self.rng.choices(places, [r.weight for r in places])[0]

    # --- what happens to it -----------------------------------------------------------------
    def _after(self, moment: datetime, working_days: int) -> datetime:
        """An office-hours moment `working_days` working days after `moment` (0: same day or next)."""
        day = self.wd.nth_after(moment.astimezone(WIB).date(), working_days)
        return office_time(self.rng, day, WIB, after=moment)

    def _lifecycle(self, r: Report, spec: AgencySpec, values: dict) -> None:
        rng, f = self.rng, r.fields
        state = Track(r)
        state.event("created", "status", "", "unverified", f["received_at"])
        verified = self._after(f["received_at"], rng.choices(range(7), (40, 26, 15, 8, 5, 3, 3))[0])
        if not state.before(verified):
            return
        f["verified_at"] = verified
        outcome = rng.choices(("disposed", "archived", "not_authorised", "postponed"), (93, 2.5, 2.5, 2))[0]
        if outcome != "disposed":
            state.status(outcome, verified)
            if outcome != "postponed" or rng.random() < 0.5:
                return
            verified = self._after(verified, rng.randint(2, 10))
            if not state.before(verified):
                return
        disposed = verified + timedelta(minutes=rng.randint(1, 90))
        if rng.random() < 0.04:  # routed to the wrong agency first, then re-routed
            wrong = rng.choice([a for a in AGENCIES if a.slug != spec.slug])
            self._dispose(state, wrong, disposed)
            disposed = self._after(disposed, rng.randint(1, 4))
            if not state.before(disposed):
                return
        self._dispose(state, spec, disposed)
        self._agency_work(state, spec, values, disposed)

    def _dispose(self, state: "Track", spec: AgencySpec, moment: datetime) -> None:
        previous = AGENCY_BY_SLUG[state.report.agency].name if state.report.agency else ""
        state.event("disposition", "agency", previous, spec.name, moment)
        state.report.agency = spec.slug
        state.report.fields["disposed_at"] = moment
        state.status("disposed", moment, text=f"Terdisposisi ke {spec.name}", silent=True)

    def _agency_work(self, state: "Track", spec: AgencySpec, values: dict, disposed: datetime) -> None:
        rng, f = self.rng, state.report.fields
        prof = profile_at(spec, disposed)
        last = disposed
        if rng.random() < 0.3:  # the agency marks it "Proses" before answering
            last = self._after(disposed, rng.randint(0, 2))
            if not state.before(last):
                return
            state.status("in_process", last)
        rounds = 2 if f["supervisory"] else 1
        for n in range(3):
            if rng.random() > (prof.follow if n == 0 else max(prof.follow - 0.1, 0.3)):
                return
            wait = int(rng.expovariate(1 / prof.delay)) + (rng.randint(15, 45) if 0 < n < rounds else 0)
            posted = self._after(last, wait)
            if not state.before(posted):
                return
            self._follow_up(state, spec, prof, values, posted)
            last = posted
            if n + 1 < rounds:
                continue
            replied = self._after(posted, rng.randint(0, 6))
            if rng.random() < 0.22 and state.before(replied):
                state.status("reporter_replied", replied, kind="reporter_replied")
                last = replied
                continue
            self._close(state, posted)
            return

    def _follow_up(self, state, spec, prof: Profile, values: dict, posted: datetime) -> None:
        rng = self.rng
        quality = rng.choices(("good", "medium", "poor"), (prof.good, prof.medium, max(0.0, 1 - prof.good - prof.medium)))[0]
        posted_day = f"{posted.day} {compose.MONTHS[posted.month - 1]} {posted.year}"
        text = compose.answer_text(rng, quality, state.report.category[1], values, posted_day)
        state.report.follow_ups.append((posted, text, spec.slug))
        state.report.fields.setdefault("first_follow_up_at", posted)
        state.event("follow_up", "follow_up", "", text, posted)
        state.status("followed_up", posted, silent=True)

    def _close(self, state: "Track", last_follow_up: datetime) -> None:
        """Closed by the coordinator within a few days, or automatically after 10 quiet working days."""
        rng = self.rng
        if rng.random() < 0.45:
            moment, auto = self._after(last_follow_up, rng.randint(0, 5)), False
        else:
            day = self.wd.nth_after(last_follow_up.astimezone(WIB).date(), 10) + timedelta(days=1)
            moment, auto = datetime.combine(day, time(0, rng.randint(1, 59)), tzinfo=WIB), True
        if not state.before(moment):
            return
        state.report.fields.update(completed_at=moment, auto_closed=auto)
        state.status("completed", moment, kind="closed", text="Selesai otomatis" if auto else "Selesai",
                     value="completed_auto" if auto else "completed")


class Track:
    """Keeps a report's status, status text and events consistent while it is being generated."""

    def __init__(self, report: Report):
        self.report = report
        self.current = "unverified"
        report.fields.update(status="unverified", status_text=STATUS_TEXT["unverified"], auto_closed=False)

    @staticmethod
    def before(moment: datetime) -> bool:
        """Whether a step at this moment happened before the export was taken."""
        return moment < CUTOFF

    def event(self, kind: str, field_name: str, old: str, new: str, moment: datetime) -> None:
        self.report.events.append({"kind": kind, "field": field_name, "old_value": old, "new_value": new,
                                   "occurred_at": moment})
        self.report.fields["last_activity_at"] = moment

    def status(self, new: str, moment: datetime, kind: str = "status", text: str | None = None,
               silent: bool = False, value: str | None = None) -> None:
        """Move to a new status. Events follow the importer's conventions: a disposition or follow-up
        event says the status itself (silent), an automatic close is recorded as "completed_auto"."""
        if not silent:
            self.event(kind, "status", self.current, value or new, moment)
        self.current = new
        self.report.fields.update(status=new, status_text=text or STATUS_TEXT[new])
