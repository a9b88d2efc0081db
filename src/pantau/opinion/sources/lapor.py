"""The SP4N-LAPOR! reports already in Pantau, as mentions: title, text, category, agency, region.

Never personal data: no reporter name, phone, e-mail or NIK, and rahasia (secret) reports are left
out entirely because even their text is personal data. Cursor: {"last_id": highest Complaint id read}.
"""

from .base import Item

BATCH = 50_000


def fetch(source, cursor: dict) -> tuple[list[Item], dict]:
    from pantau.complaints.models import Complaint

    last_id = int(cursor.get("last_id", 0))
    rows = list(
        Complaint.objects.filter(pk__gt=last_id).order_by("pk")
        .values_list("pk", "is_secret", "tracking_id", "title", "text", "received_at", "region_id",
                     "category__name", "agency__name", "channel")[:BATCH]
    )
    items = [
        Item(kind="lapor", external_id=tracking, title=title, text=text, published_at=received,
             region_id=region, complaint_id=pk, site="lapor.go.id",
             extra={"tracking_id": tracking, "category": category or "", "agency": agency or "", "channel": channel})
        for pk, secret, tracking, title, text, received, region, category, agency, channel in rows
        if not secret
    ]
    return items, ({"last_id": rows[-1][0]} if rows else cursor)
