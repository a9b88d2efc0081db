from datetime import UTC, datetime

import time_machine

from pantau.complaints.actions import create_complaint_from_mention
from pantau.complaints.models import ComplaintEvent
from pantau.opinion.models import Mention, Source

POSTED = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # Monday 09.00 WIB
NOW = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)


def a_mention():
    source = Source.objects.create(name="X", kind="x")
    return Mention.objects.create(source=source, kind="x", key="k1", content_hash="h1", author="@warga_lebak",
                                  url="https://x.example/status/1", text="Jalan di Cipanas rusak parah, tolong",
                                  published_at=POSTED, fetched_at=POSTED, language="id")


@time_machine.travel(NOW, tick=False)
def test_a_mention_becomes_a_disposed_social_media_report_with_deadlines(personas, pupr):
    mention = a_mention()
    complaint = create_complaint_from_mention(mention, personas["analis"], pupr)
    assert complaint.tracking_id.startswith("PNT-260302-")
    assert complaint.channel == "media_sosial" and complaint.agency == pupr
    assert complaint.received_at == POSTED and complaint.status == "disposed"
    assert complaint.follow_up_due_at is not None and complaint.follow_up_state == "open"
    events = list(complaint.events.values_list("kind", "user__username"))
    assert events == [(ComplaintEvent.Kind.CREATED, "analis"), (ComplaintEvent.Kind.DISPOSITION, "analis")]
    mention.refresh_from_db()
    assert mention.complaint == complaint


@time_machine.travel(NOW, tick=False)
def test_turning_the_same_mention_twice_keeps_one_report(personas, pupr, dinkes):
    mention = a_mention()
    first = create_complaint_from_mention(mention, personas["analis"], pupr)
    again = create_complaint_from_mention(Mention.objects.get(pk=mention.pk), personas["koordinator"], dinkes)
    assert again.pk == first.pk and again.agency == pupr
