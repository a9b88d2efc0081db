"""Writes to reports made inside Pantau (not by an import)."""

import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Category, Channel, Complaint, ComplaintEvent, Kind, Status

TRACKING_PREFIX = "PNT-"


def new_tracking_id(now=None) -> str:
    """Return an unused tracking ID for a report made in Pantau: PNT-YYMMDD-XXXXXX."""
    now = timezone.localtime(now or timezone.now())
    while True:
        candidate = f"{TRACKING_PREFIX}{now:%y%m%d}-{secrets.token_hex(3).upper()}"
        if not Complaint.objects.filter(tracking_id=candidate).exists():
            return candidate


def create_complaint_from_mention(mention, user, agency, category: Category | None = None) -> Complaint:
    """Turn a mention ("no wrong door") into a tracked report of channel media sosial, disposed to
    `agency`: received at the mention's time, a "created" and a "disposition" event by `user`, the
    mention linked to it, deadlines computed. A mention already turned into a report returns that one."""
    from pantau.complaints.sla import recompute_deadlines
    from pantau.opinion.models import Mention

    now = timezone.now()
    with transaction.atomic():
        locked = Mention.objects.select_for_update().get(pk=mention.pk)
        if locked.complaint_id:
            return locked.complaint
        complaint = _create(locked, agency, category, now)
        ComplaintEvent.objects.create(complaint=complaint, kind=ComplaintEvent.Kind.CREATED,
                                      new_value=f"{locked.url or locked.site}"[:2000],
                                      occurred_at=complaint.received_at, user=user)
        ComplaintEvent.objects.create(complaint=complaint, kind=ComplaintEvent.Kind.DISPOSITION,
                                      field="agency", new_value=agency.name, occurred_at=now, user=user)
        Mention.objects.filter(pk=locked.pk).update(complaint=complaint)
    recompute_deadlines([complaint.pk], now=now)
    mention.complaint = complaint
    complaint.refresh_from_db()
    return complaint


def _create(mention, agency, category, now) -> Complaint:
    title = (mention.title or mention.text)[:200]
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Complaint.objects.create(
                    tracking_id=new_tracking_id(now), title=title, text=mention.text or mention.title,
                    kind=Kind.PENGADUAN, channel=Channel.SOCIAL_MEDIA, category=category,
                    region=mention.region, reporter_name=mention.author[:200],
                    received_at=mention.published_at, verified_at=now,
                    disposed_at=now, last_activity_at=now, agency=agency, status=Status.DISPOSED,
                    status_text="Dibuat dari sebutan media sosial di Pantau",
                )
        except IntegrityError:  # two analysts drew the same random ID at the same instant
            continue
    raise IntegrityError("could not draw a free tracking ID")


class DispositionRefused(Exception):
    """A disposition that cannot be made; the message is for the user."""


def dispose(complaint: Complaint, user, agency, category: Category | None = None) -> Complaint:
    """The koordinator disposes (or re-disposes) a report to `agency`: status "disposed" from now, so
    the agency's first follow-up is due in its working days from now; a disposition event by `user`
    (and a data event when the category changes); deadlines recomputed. Completed or archived reports
    are refused, and so is disposing an already disposed report to the agency it is at."""
    from pantau.complaints.sla import recompute_deadlines

    now = timezone.now()
    with transaction.atomic():
        locked = Complaint.objects.select_for_update().get(pk=complaint.pk)  # no joins: PostgreSQL locks one table
        if locked.status in (Status.COMPLETED, Status.ARCHIVED):
            raise DispositionRefused(_("A completed or archived report cannot be disposed."))
        if locked.agency_id == agency.pk and locked.status not in (Status.UNVERIFIED, Status.NOT_AUTHORISED):
            raise DispositionRefused(_("The report is already disposed to %(agency)s.") % {"agency": agency.name})
        ComplaintEvent.objects.create(complaint=locked, kind=ComplaintEvent.Kind.DISPOSITION, field="agency",
                                      old_value=locked.agency.name if locked.agency else "",
                                      new_value=agency.name, occurred_at=now, user=user)
        if category is not None and category.pk not in _ancestry(locked.category):
            ComplaintEvent.objects.create(complaint=locked, kind=ComplaintEvent.Kind.FIELD, field="category",
                                          old_value=str(locked.category or ""), new_value=str(category),
                                          occurred_at=now, user=user)
            locked.category = category
        locked.agency = agency
        locked.status = Status.DISPOSED
        locked.status_text = f"Terdisposisi ke {agency.name}"  # LAPOR!'s own wording
        locked.verified_at = locked.verified_at or now
        locked.disposed_at = now
        locked.last_activity_at = now
        locked.save(update_fields=["agency", "category", "status", "status_text", "verified_at", "disposed_at",
                                   "last_activity_at", "updated_at"])
    recompute_deadlines([locked.pk], now=now)
    locked.refresh_from_db()
    return locked


def _ancestry(category: Category | None) -> set[int]:
    """The ids of `category` and its parents: choosing one of them keeps the more precise category."""
    ids: set[int] = set()
    while category is not None and category.pk not in ids:
        ids.add(category.pk)
        category = category.parent
    return ids
