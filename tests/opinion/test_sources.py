"""Every source against a local server speaking its API's documented shapes, failures included."""

import json
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from pantau.opinion.actions import fetch_due_sources, fetch_source
from pantau.opinion.models import Mention, Source, Topic

from .conftest import Reply, payload

NOW = datetime(2025, 3, 3, 6, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=True):
        yield


def run(source, minutes_later=0, force=False):
    source.refresh_from_db()
    return fetch_source(source, now=NOW + timedelta(minutes=minutes_later), force=force)


def rss_source(web, path="/rss", **kw):
    return Source.objects.create(name="Kabar Banten", kind="rss", url=web.url + path, interval_minutes=30, **kw)


# ---- RSS and Atom ------------------------------------------------------------------------------

def test_an_rss_feed_is_read_once_and_new_items_are_added_on_the_next_run(web, db):
    web.route("/rss", Reply(payload("kabar_rss.xml")), Reply(payload("kabar_rss_next.xml")))
    source = rss_source(web)
    first = run(source)
    assert (first.fetched, first.new, first.duplicates, first.error) == (2, 2, 0, "")
    second = run(source, minutes_later=31)
    assert (second.fetched, second.new, second.duplicates) == (2, 1, 1)
    mention = Mention.objects.get(external_id="kb-88121")
    assert mention.canonical_url == "https://kabarbanten.example/daerah/2025/03/03/jalan-malingping-rusak"
    assert mention.author == "Rina Marlina" and mention.site == "kabarbanten.example"
    assert "<b>" not in mention.text and "jalan provinsi" in mention.text
    assert mention.published_at == datetime(2025, 3, 3, 1, 45, tzinfo=UTC)
    assert Mention.objects.count() == 3


def test_an_atom_feed_gives_author_content_and_time(web, db):
    web.route("/atom", Reply(payload("portal_atom.xml")))
    run(rss_source(web, "/atom"))
    mention = Mention.objects.get()
    assert mention.title == "Antrean Pasien di Puskesmas Pamulang Mengular"
    assert "Petugas pendaftaran" in mention.text and mention.author == "Dewi Lestari"


def test_a_source_is_not_fetched_again_before_its_interval(web, db):
    web.route("/rss", Reply(payload("kabar_rss.xml")))
    source = rss_source(web)
    assert run(source) is not None
    assert run(source, minutes_later=10) is None
    assert fetch_due_sources(now=NOW + timedelta(minutes=10)) == []
    assert len(web.hits("/rss")) == 1
    assert len(fetch_due_sources(now=NOW + timedelta(minutes=31))) == 1


def test_a_conditional_get_sends_the_etag_and_a_304_adds_nothing(web, db):
    web.route("/rss", Reply(payload("kabar_rss.xml"), headers={"ETag": '"v1"'}), Reply(b"", 304))
    source = rss_source(web)
    run(source)
    second = run(source, minutes_later=31)
    assert web.hits("/rss")[1]["headers"].get("If-None-Match") == '"v1"'
    assert (second.fetched, second.new, second.error) == (0, 0, "")


def test_a_server_error_is_retried_and_then_succeeds(web, db):
    web.route("/rss", Reply(b"oops", 500), Reply(b"oops", 502), Reply(payload("kabar_rss.xml")))
    result = run(rss_source(web))
    assert (result.new, result.error) == (2, "")
    assert len(web.hits("/rss")) == 3


def test_a_feed_that_keeps_failing_records_the_error_and_keeps_the_cursor(web, db):
    web.route("/rss", Reply(b"oops", 500))
    source = rss_source(web, cursor={"etag": '"old"'})
    result = run(source)
    source.refresh_from_db()
    assert "HTTP 500" in result.error and result.new == 0
    assert source.status == "error" and "HTTP 500" in source.last_error
    assert source.cursor == {"etag": '"old"'}
    assert len(web.hits("/rss")) == 3  # one try and two retries


def test_a_timeout_is_an_error_on_the_run_and_the_next_run_gets_everything(web, db):
    web.route("/rss", Reply(payload("kabar_rss.xml"), delay=1.0))
    source = rss_source(web)
    assert "timeout" in run(source).error
    web.route("/rss", Reply(payload("kabar_rss.xml")))
    assert run(source, minutes_later=31).new == 2


def test_a_truncated_body_is_retried_and_nothing_is_lost_or_doubled(web, db):
    web.route("/rss", Reply(payload("kabar_rss.xml"), truncate=True), Reply(payload("kabar_rss.xml")))
    result = run(rss_source(web))
    assert (result.new, result.error) == (2, "")
    assert Mention.objects.count() == 2


def test_malformed_xml_is_recorded_and_the_good_items_are_kept(web, db):
    web.route("/rss", Reply(payload("kabar_rss_broken.xml")), Reply(payload("kabar_rss.xml")))
    source = rss_source(web)
    broken = run(source)
    assert "malformed feed" in broken.error
    fixed = run(source, minutes_later=31)
    assert fixed.error == "" and Mention.objects.count() == 2
    assert fixed.new + broken.new == 2


def test_a_page_that_is_not_a_feed_is_an_error(web, db):
    web.route("/rss", Reply(b"\x00\x01 not xml at all {", headers={"Content-Type": "application/octet-stream"}))
    assert "malformed" in run(rss_source(web)).error


def test_a_429_with_retry_after_postpones_the_source(web, db):
    web.route("/rss", Reply(b"slow down", 429, headers={"Retry-After": "3600"}))
    source = rss_source(web)
    result = run(source)
    source.refresh_from_db()
    assert "429" in result.error
    assert source.not_before >= NOW + timedelta(minutes=59)
    assert fetch_due_sources(now=NOW + timedelta(minutes=31)) == []


def test_a_short_retry_after_is_waited_for_inline(web, db):
    web.route("/rss", Reply(b"slow down", 429, headers={"Retry-After": "0"}), Reply(payload("kabar_rss.xml")))
    assert run(rss_source(web)).new == 2


# ---- news search --------------------------------------------------------------------------------

def test_the_news_search_url_is_built_from_the_topic_words_in_indonesian(web, db):
    web.route("/rss/search", Reply(payload("gnews_search.xml")))
    source = Source.objects.create(name="Google News", kind="news_search", url=web.url + "/rss/search")
    topic = Topic.objects.create(name="Jalan", slug="jalan", query='"jalan rusak" OR (rsud -jakarta) OR title:ambles')
    topic.sources.add(source)
    result = run(source)
    query = web.hits("/rss/search")[0]["query"]
    assert query["q"] == ['"jalan rusak" OR rsud OR ambles']
    assert (query["hl"], query["gl"], query["ceid"]) == (["id"], ["ID"], ["ID:id"])
    mention = Mention.objects.get()
    assert result.new == 1 and mention.title == "Jalan rusak di Cikande dikeluhkan sopir truk"
    assert mention.site == "radarserang.example"


# ---- YouTube ------------------------------------------------------------------------------------

def youtube_source(web, **kw):
    return Source.objects.create(name="YouTube Banten", kind="youtube", url=web.url + "/youtube/v3",
                                 config={"q": "jalan rusak banten"}, **kw)


def test_youtube_without_an_api_key_shows_not_configured(web, db, monkeypatch):
    monkeypatch.delenv("PANTAU_YOUTUBE_API_KEY", raising=False)
    source = youtube_source(web)
    assert run(source) is None
    source.refresh_from_db()
    assert source.status == "not_configured" and source.last_error == ""
    assert source.get_status_display() == "Belum dikonfigurasi"
    assert web.requests == []


def test_youtube_search_pages_and_statistics_become_mentions_with_views(web, db, monkeypatch):
    monkeypatch.setenv("PANTAU_YT_KEY", "kunci-rahasia")
    web.route("/youtube/v3/search", Reply(json.loads(payload("youtube_search.json"))),
              Reply(json.loads(payload("youtube_search_page2.json"))))
    web.route("/youtube/v3/videos", Reply(json.loads(payload("youtube_videos.json"))))
    source = youtube_source(web, credential_env="PANTAU_YT_KEY")
    result = run(source)
    assert result.new == 2
    video = Mention.objects.get(external_id="Xk3vJ8pQeTs")
    assert (video.views, video.likes, video.comments) == (15230, 842, 311)
    assert video.url == "https://www.youtube.com/watch?v=Xk3vJ8pQeTs" and video.author == "Banten Hari Ini"
    assert web.hits("/youtube/v3/search")[1]["query"]["pageToken"] == ["CAUQAA"]
    assert web.hits("/youtube/v3/search")[0]["query"]["key"] == ["kunci-rahasia"]
    source.refresh_from_db()
    assert source.cursor == {"published_after": "2025-03-03T05:00:12Z"}
    assert "kunci-rahasia" not in json.dumps(source.cursor) + source.last_error


def test_youtube_malformed_json_is_recorded_on_the_source(web, db, monkeypatch):
    monkeypatch.setenv("PANTAU_YOUTUBE_API_KEY", "k")
    web.route("/youtube/v3/search", Reply(b'{"items": [', headers={"Content-Type": "application/json"}))
    source = youtube_source(web)
    assert "malformed JSON" in run(source).error
    source.refresh_from_db()
    assert source.status == "error" and source.cursor == {}


# ---- X ------------------------------------------------------------------------------------------

def x_source(web):
    return Source.objects.create(name="X jalan rusak", kind="x", url=web.url, config={"q": "jalan rusak banten -is:retweet"})


def test_x_recent_search_follows_next_token_and_remembers_since_id(web, db, monkeypatch):
    monkeypatch.setenv("PANTAU_X_BEARER_TOKEN", "token-x")
    web.route("/2/tweets/search/recent", Reply(json.loads(payload("x_page1.json"))),
              Reply(json.loads(payload("x_page2.json"))), Reply(json.loads(payload("x_empty.json"))))
    source = x_source(web)
    assert run(source).new == 3
    hits = web.hits("/2/tweets/search/recent")
    assert hits[0]["headers"]["Authorization"] == "Bearer token-x"
    assert hits[1]["query"]["next_token"] == ["b26v89c19zqg8o3fpdg6xr3zq0"]
    post = Mention.objects.get(external_id="1896412345678901234")
    assert post.url == "https://x.com/wargaserang/status/1896412345678901234"
    assert (post.likes, post.shares, post.comments, post.views, post.reach) == (890, 132, 45, 40210, 15800)
    assert post.language == "id" and post.author == "@wargaserang"
    source.refresh_from_db()
    assert source.cursor == {"since_id": "1896412345678901234"}
    run(source, minutes_later=61)
    assert web.hits("/2/tweets/search/recent")[2]["query"]["since_id"] == ["1896412345678901234"]


def test_x_rate_limit_reset_header_postpones_the_source(web, db, monkeypatch):
    monkeypatch.setenv("PANTAU_X_BEARER_TOKEN", "t")
    reset = int((NOW + timedelta(minutes=15)).timestamp())
    web.route("/2/tweets/search/recent", Reply({"title": "Too Many Requests"}, 429,
              headers={"x-rate-limit-remaining": "0", "x-rate-limit-reset": str(reset)}))
    source = x_source(web)
    assert "429" in run(source).error
    source.refresh_from_db()
    assert source.not_before >= NOW + timedelta(minutes=14)


# ---- Mastodon -----------------------------------------------------------------------------------

def test_mastodon_hashtag_timeline_pages_newer_statuses_from_min_id(web, db):
    newer_link = f'<{web.url}/api/v1/timelines/tag/banten?min_id=113990000000000010>; rel="prev"'
    web.route("/api/v1/timelines/tag/banten", Reply(json.loads(payload("mastodon_tag.json"))),
              Reply(json.loads(payload("mastodon_newer.json")), headers={"Link": newer_link}), Reply([]))
    source = Source.objects.create(name="Mastodon #banten", kind="mastodon", url=web.url, config={"hashtag": "#banten"})
    assert run(source).new == 2
    source.refresh_from_db()
    assert source.cursor == {"min_id": "113990000000000002"}
    assert run(source, minutes_later=61).new == 1
    hits = web.hits("/api/v1/timelines/tag/banten")
    assert hits[1]["query"]["min_id"] == ["113990000000000002"]
    assert hits[2]["query"]["min_id"] == ["113990000000000010"]
    post = Mention.objects.get(external_id="https://mastodon.example/users/budi/statuses/113990000000000002")
    assert post.text.startswith("Jalan Pandeglang–Labuan berlubang") and "<p>" not in post.text
    assert (post.likes, post.shares, post.comments, post.author) == (11, 5, 2, "@budi")
    assert post.extra["hashtags"] == ["banten"]


def test_mastodon_search_without_a_token_is_not_configured(web, db):
    source = Source.objects.create(name="Mastodon cari", kind="mastodon", url=web.url, config={"q": "rsud"})
    assert run(source) is None
    source.refresh_from_db()
    assert source.status == "not_configured"


# ---- file import and LAPOR! ----------------------------------------------------------------------

def test_an_export_file_is_imported_with_synonym_headers_and_bad_rows_named(db, tmp_path):
    path = tmp_path / "ekspor.csv"
    path.write_text(
        "Tanggal;Judul;Konten;Link;Akun;Suka;Platform\n"
        "03/03/2025 09:15;;Jalan rusak di Bayah belum diperbaiki;https://x.com/a/status/1;@warga;1.204;Twitter\n"
        "kemarin;;Tanggal yang tidak terbaca;https://x.com/a/status/2;@warga;3;Twitter\n"
        "2025-03-03T10:00:00+07:00;RSUD Labuan;Pelayanan RSUD Labuan membaik;https://kabar.example/rsud;Redaksi;;berita\n",
        encoding="utf-8",
    )
    source = Source.objects.create(name="Ekspor alat lama", kind="file_import", config={"path": str(path)})
    result = run(source)
    assert result.new == 2
    assert "ekspor.csv row 3" in result.error and "'Tanggal'" in result.error and "kemarin" in result.error
    tweet = Mention.objects.get(url="https://x.com/a/status/1")
    assert (tweet.kind, tweet.likes, tweet.author) == ("x", 1204, "@warga")
    assert tweet.published_at == datetime(2025, 3, 3, 2, 15, tzinfo=UTC)
    assert run(source, minutes_later=61).new == 0  # the same file again: nothing twice


def test_an_xlsx_export_with_a_configured_mapping_is_read(db, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Waktu Unggah", "Isi Unggahan", "Tautan"])
    book.active.append([datetime(2025, 3, 1, 8, 0), "Banjir di Kota Serang", "https://kabar.example/banjir"])
    book.save(tmp_path / "ekspor.xlsx")
    source = Source.objects.create(name="XLSX", kind="file_import", config={
        "path": str(tmp_path / "ekspor.xlsx"), "mapping": {"published_at": "Waktu Unggah", "text": "Isi Unggahan"}})
    assert run(source).new == 1
    assert Mention.objects.get().published_at == datetime(2025, 3, 1, 1, 0, tzinfo=UTC)


def test_lapor_reports_become_mentions_without_personal_data_or_secret_reports(db):
    from pantau.complaints.models import Complaint

    Complaint.objects.create(tracking_id="9165816", title="Jalan rusak di Cikande", text="Mohon diperbaiki",
                             reporter_name="Budi Rahasia", reporter_phone="0812", received_at=NOW)
    Complaint.objects.create(tracking_id="9165817", title="Pungli", text="Nama pejabat X", is_secret=True, received_at=NOW)
    source = Source.objects.create(name="LAPOR!", kind="lapor")
    assert run(source).new == 1
    mention = Mention.objects.get()
    assert mention.external_id == "9165816" and mention.complaint.tracking_id == "9165816"
    assert "Budi" not in json.dumps([mention.title, mention.text, mention.author, mention.extra])
    assert run(source, minutes_later=61).fetched == 0


def test_a_used_up_quota_on_a_good_answer_postpones_the_next_run_until_it_resets(web, db, monkeypatch):
    monkeypatch.setenv("PANTAU_X_BEARER_TOKEN", "t")
    reset = int((NOW + timedelta(minutes=15)).timestamp())
    web.route("/2/tweets/search/recent", Reply(json.loads(payload("x_page2.json")),
              headers={"x-rate-limit-remaining": "0", "x-rate-limit-reset": str(reset)}))
    source = x_source(web)
    source.interval_minutes = 5
    source.save(update_fields=["interval_minutes"])
    assert run(source).new == 1
    source.refresh_from_db()
    assert source.not_before >= NOW + timedelta(minutes=14)
