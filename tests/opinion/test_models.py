from pantau.agencies.roles import ensure_groups
from pantau.opinion.enrichers import register, run_enrichers, unregister
from pantau.opinion.models import Mention, Topic


def test_topics_without_a_visibility_list_are_seen_by_every_analyst_and_listed_ones_only_by_those_named(personas):
    open_topic = Topic.objects.create(name="Jalan", slug="jalan", query="jalan")
    private = Topic.objects.create(name="Rahasia", slug="rahasia", query="gubernur")
    private.visible_to_users.add(personas["koordinator"])
    assert list(Topic.objects.visible_to(personas["analis"])) == [open_topic]
    assert set(Topic.objects.visible_to(personas["koordinator"])) == {open_topic, private}
    assert not Topic.objects.visible_to(personas["pimpinan"]).exists()
    assert not Topic.objects.visible_to(None).exists()
    private.visible_to_groups.add(ensure_groups()["analis"])
    assert set(Topic.objects.visible_to(personas["analis"])) == {open_topic, private}


def test_registered_enrichers_set_fields_on_the_batch_before_it_is_stored():
    def label_all_negative(mentions):
        for m in mentions:
            m.sentiment = "negative"

    register(label_all_negative)
    try:
        batch = [Mention(text="jalan rusak"), Mention(text="jalan berlubang")]
        run_enrichers(batch)
        assert [m.sentiment for m in batch] == ["negative", "negative"]
    finally:
        unregister(label_all_negative)
