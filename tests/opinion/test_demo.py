from django.db.models import Count
from django.db.models.functions import TruncDate

from pantau.opinion.demo import Generator, ensure_topics_and_sources, seed
from pantau.opinion.models import Mention, MentionTopic, Topic


def test_the_demo_is_deterministic_and_seeding_again_adds_nothing(db):
    first = seed(seed=3, target=3000)
    keys = set(Mention.objects.values_list("key", flat=True))
    again = seed(seed=3, target=3000)
    assert first.stored == Mention.objects.count() >= 3000 and again.stored == 0
    assert set(Mention.objects.values_list("key", flat=True)) == keys


def test_each_demo_topic_has_its_busiest_day_on_its_spike(db):
    seed(seed=1, target=6000)
    spikes = {"jalan-infrastruktur": "2025-02-10", "kesehatan-rsud": "2024-08-19", "pelayanan-publik": "2024-11-04"}
    for topic in Topic.objects.all():
        busiest = (MentionTopic.objects.filter(topic=topic).annotate(day=TruncDate("published_at"))
                   .values("day").annotate(n=Count("id")).order_by("-n").first())
        assert busiest["day"].isoformat() == spikes[topic.slug]


def test_demo_mentions_mix_kinds_places_and_daytime_hours(db):
    _, sources = ensure_topics_and_sources()
    produced = Generator(1, sources).mentions(4000)
    kinds = {item.kind for _, item in produced}
    assert kinds == {"news", "x", "youtube", "mastodon"}
    hours_wib = [(item.published_at.hour + 7) % 24 for _, item in produced]
    assert sum(8 <= h <= 21 for h in hours_wib) > 3 * sum(h <= 5 for h in hours_wib) * 2
