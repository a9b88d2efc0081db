"""The permission walk (DESIGN.md, "Users and what each may see"): every URL of the project, with
every persona, gets exactly the answer the roles table says.

A new URL without a line in EXPECTED makes this test fail, naming it: add the line when you add a page.
Parameters are filled with real objects (PARAMS); a report of DPUPR stands in for every report, so an
admin of Dinkes must get 404 on it, and must never see it in any page, count, chart or export.
"""

import importlib.util
from datetime import date, datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from pantau.complaints.models import CalendarOverride, Category
from pantau.lib.periods import WIB
from tests.complaints.factories import make_complaint

IMPORTER_PRESENT = importlib.util.find_spec("pantau.complaints.importers") is not None
PERSONAS = ("koordinator", "analis", "admin_dinkes", "admin_pupr", "pimpinan", "anon")
LOGIN = "login"  # 302 to /masuk/?next=<the URL>


def everyone(status):
    return dict.fromkeys(PERSONAS, status)


def logged_in(status, anon=LOGIN):
    return {**dict.fromkeys(PERSONAS, status), "anon": anon}


def only(roles, status=200, others=403):
    return {p: (status if p in roles else others) for p in PERSONAS} | {"anon": LOGIN}


KOORD = ("koordinator",)
OPINION = ("koordinator", "analis")
TO_OWN_AGENCY = {"admin_dinkes": ("redirect", "/opd/dinkes/"), "admin_pupr": ("redirect", "/opd/dpupr/")}
# url name -> persona -> status code, LOGIN, or ("redirect", "/path/").
EXPECTED = {
    # accounts
    "login": {**everyone(("redirect", "/")), "anon": 200},
    "logout": everyone(405),                      # POST only
    "password_change": logged_in(200),
    "password_change_done": logged_in(200),
    "set_language": everyone(("redirect", "/")),  # GET changes nothing, goes home
    "healthz": everyone(200),
    "home": logged_in(200),
    # reports (complaints)
    "complaint_list": logged_in(200),
    "complaint_detail": {**logged_in(200), "admin_dinkes": 404},
    "complaint_deadlines": {**logged_in(200), "admin_dinkes": 404},
    "complaint_dispose": everyone(405),           # POST only; the koordinator's, tested in complaints
    "audit_log": only(KOORD),
    "import_upload": only(KOORD),
    "import_review": {**only(KOORD), "koordinator": 200},
    "calendar": logged_in(200),                   # everyone reads; only the koordinator may POST
    "calendar_override_delete": logged_in(("redirect", "/kalender/")),  # GET does nothing
    # meetings: koordinator edits, pimpinan reads
    "meeting_list": only(("koordinator", "pimpinan")),
    "meeting_detail": only(("koordinator", "pimpinan")),
    "meeting_attendance_sheet": only(("koordinator", "pimpinan")),
    "meeting_document": only(("koordinator", "pimpinan"), status=404),  # walked with an unknown kind: access checked first
    "answer_examples": only(("koordinator", "pimpinan")),
    "meeting_invitations": only(KOORD, status=405),  # POST only
    "meeting_attendance": only(KOORD, status=405),
    "meeting_minutes": only(KOORD, status=405),
    "meeting_decision": only(KOORD, status=405),
    "meeting_photo": only(KOORD, status=405),
    "answer_templates": only(KOORD),
    "answer_template_edit": only(KOORD),
    # scorecards: province pages for koordinator, analis, pimpinan; an admin OPD is sent to their agency
    "dashboard": {**only(("koordinator", "analis", "pimpinan")), **TO_OWN_AGENCY},
    "agency_list": {**only(("koordinator", "analis", "pimpinan")), **TO_OWN_AGENCY},
    "priority_list": {**only(("koordinator", "analis", "pimpinan")), **TO_OWN_AGENCY},
    "agency_detail": {**logged_in(200), "admin_dinkes": 404},  # walked with DPUPR
    "indicator_definitions": everyone(200),                   # definitions carry no data
    # period reports: koordinator writes; pimpinan reads final versions (the walked one is a draft)
    "report_list": only(("koordinator", "pimpinan")),
    "report_settings": only(KOORD),
    "report_create": only(KOORD, status=405),  # POST only
    "report_edit": only(KOORD),
    "report_preview": only(KOORD),
    "report_download": only(KOORD),
    "report_finalize": only(KOORD, status=405),
    "report_new_version": only(KOORD, status=405),
    # transparency: public, no login, aggregates only
    "public_home": everyone(200),
    "public_csv": everyone(200),
    "public_json": everyone(200),
    "public_definitions": everyone(200),
    # jobs and e-mail settings
    "job_list": only(KOORD),
    "notification_settings": logged_in(200),

    # opinion analysis and alerts (issue 6): koordinator and analis
    "opinion_analysis": only(("koordinator", "analis")),
    "analysis_mentions": only(("koordinator", "analis")),
    "analysis_mention": only(("koordinator", "analis"), status=404),  # walked with an unknown mention
    "mention_sentiment": everyone(405),  # POST only
    "mention_to_complaint": everyone(405),
    "alert_list": only(("koordinator", "analis")),
    "alert_subscription": only(("koordinator", "analis")),

    # public opinion: analysts and the koordinator
    "opinion_home": only(OPINION),
    "opinion_query_help": only(OPINION),
    "topic_create": only(OPINION),
    "topic_edit": only(OPINION),
    "source_list": only(OPINION),
    "source_detail": only(OPINION),
    "source_fetch": only(OPINION, status=405),  # POST only
    "mention_list": only(OPINION),
    "mention_detail": only(OPINION),
}
# The Django admin is for staff accounts only; no persona is staff.
ADMIN_EXPECTED = {
    "admin:login": everyone(200),
    "admin:logout": everyone(("redirect", "/admin/")),
}
ADMIN_DEFAULT = "admin-login"  # 302 to /admin/login/


def all_patterns(patterns=None, namespace=None):
    """(full name, pattern) for every named URL pattern, included ones too."""
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            yield from all_patterns(p.url_patterns, p.namespace or namespace)
        elif isinstance(p, URLPattern) and p.name:
            yield (f"{namespace}:{p.name}" if namespace else p.name), p


@pytest.fixture
def world(personas, dinkes, pupr, tmp_path, settings):
    """Real objects for every URL parameter; the report belongs to DPUPR."""
    settings.DATA_DIR = tmp_path
    report = make_complaint(pupr, title="Jembatan Cibeber ambruk ZXQ", received_at=datetime(2024, 3, 4, 9, tzinfo=WIB))
    override = CalendarOverride.objects.create(date=date(2024, 12, 24), is_holiday=True, reason="Cuti bersama")
    objects = {"report": report, "override": override, "category": Category.objects.create(name="Kesehatan")}
    objects["upload_token"] = _upload(personas["koordinator"])
    try:
        from pantau.meetings.models import AnswerTemplate, Meeting
    except ImportError:  # pragma: no cover - the meetings app is part of the project
        pass
    else:
        objects["meeting"] = Meeting.objects.create(
            title="Rapat koordinasi", starts_at=datetime(2024, 3, 12, 9, tzinfo=WIB),
            place="Aula Diskominfo", agenda="Evaluasi", period="2024-Q1")
        objects["template"] = AnswerTemplate.objects.create(title="Jalan rusak", body="Yth. Bapak/Ibu [nama] ...")
    from pantau.reports.models import Report

    objects["period_report"] = Report.objects.create(period="2024-Q1")
    objects.update(_opinion_objects())
    return objects


def _opinion_objects() -> dict:
    from pantau.opinion.models import Mention, Source, Topic

    source = Source.objects.create(name="Kabar Banten", kind="rss", url="https://kabar.example/rss")
    mention = Mention.objects.create(source=source, kind="news", key="k1", content_hash="c1", title="Jalan rusak",
                                     published_at=datetime(2024, 3, 4, 9, tzinfo=WIB), fetched_at=datetime(2024, 3, 4, 9, tzinfo=WIB))
    return {"topic": Topic.objects.create(name="Jalan", slug="jalan", query="jalan"), "source": source, "mention": mention}


def _upload(user) -> str:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pantau.complaints import uploads

    body = (b"TrackingID,TanggalLaporanMasuk,Judul,Status\n"
            b"9165816,2024-03-04 09:00,Jalan rusak,Belum\n")
    return uploads.store(SimpleUploadedFile("lapor.csv", body), user=user).token


def kwargs_for(name: str, pattern, world) -> dict:
    """Fill the URL's parameters with real objects; an unknown parameter fails the test by name."""
    by_name = {
        "complaint_detail": {"tracking_id": world["report"].tracking_id},
        "complaint_deadlines": {"tracking_id": world["report"].tracking_id},
        "complaint_dispose": {"tracking_id": world["report"].tracking_id},
        "import_review": {"token": world["upload_token"]},
        "calendar_override_delete": {"pk": world["override"].pk},
        "meeting_document": {"pk": world.get("meeting") and world["meeting"].pk, "kind": "nothing", "fmt": "txt"},
        "answer_template_edit": {"pk": world.get("template") and world["template"].pk},
        "agency_detail": {"slug": "dpupr"},

        "analysis_mention": {"pk": 999999},
        "mention_sentiment": {"pk": 999999},
        "mention_to_complaint": {"pk": 999999},

        "topic_edit": {"slug": world["topic"].slug},
        "source_detail": {"pk": world["source"].pk},
        "source_fetch": {"pk": world["source"].pk},
        "mention_detail": {"pk": world["mention"].pk},
        "admin:app_list": {"app_label": "complaints"},
        "report_download": {"pk": world.get("period_report") and world["period_report"].pk, "fmt": "html"},
        "admin:view_on_site": {"content_type_id": 1, "object_id": "1"},  # staff only: login first
    }
    if name in by_name:
        return by_name[name]
    params = list(pattern.pattern.converters) or list(pattern.pattern.regex.groupindex)
    if not params:
        return {}
    if name.startswith("meeting_") and params == ["pk"]:
        return {"pk": world["meeting"].pk}
    if name.startswith("report_") and params == ["pk"]:
        return {"pk": world["period_report"].pk}
    if name.startswith("admin:") and set(params) <= {"object_id", "id"}:
        return dict.fromkeys(params, world["report"].pk)
    raise AssertionError(f"URL {name!r} ({pattern.pattern}) has parameters {params}: add them to kwargs_for()")


def expectation(name: str, persona: str):
    if name.startswith("admin:"):
        return ADMIN_EXPECTED.get(name, {}).get(persona, ADMIN_DEFAULT)
    return EXPECTED[name][persona]


def outcome(response, url: str, expected):
    """The response described in the terms of `expected`, so that a mismatch reads plainly."""
    location = response.get("Location", "")
    if expected == LOGIN and response.status_code == 302 and location.startswith("/masuk/?next="):
        return LOGIN
    if expected == ADMIN_DEFAULT and response.status_code == 302 and location.startswith("/admin/login/"):
        return ADMIN_DEFAULT
    if isinstance(expected, tuple) and response.status_code == 302:
        return ("redirect", location.split("?")[0])
    if response.status_code == 302:
        return ("redirect", location)
    return response.status_code


def test_every_url_has_an_expectation_for_every_persona():
    missing = [name for name, _ in all_patterns() if not name.startswith("admin:") and name not in EXPECTED]
    assert not missing, (
        f"New URL(s) without a line in tests/web/test_permissions.py EXPECTED: {missing}. "
        "Say what each persona (koordinator, analis, admin_dinkes, admin_pupr, pimpinan, anon) gets.")
    stale = set(EXPECTED) - {name for name, _ in all_patterns()}
    assert not stale, f"EXPECTED names URLs that no longer exist: {sorted(stale)}"
    for name, table in EXPECTED.items():
        assert set(table) == set(PERSONAS), f"{name}: expectations for {set(PERSONAS) - set(table)} missing"


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_exactly_what_the_roles_table_says(client_for, world, persona):
    client = client_for(persona)
    wrong = []
    for name, pattern in all_patterns():
        if not name.startswith("admin:") and name not in EXPECTED:
            continue  # reported by the test above
        url = reverse(name, kwargs=kwargs_for(name, pattern, world))
        expected = expectation(name, persona)
        if name == "import_review" and expected == 200 and not IMPORTER_PRESENT:
            continue  # the LAPOR! importer lands from another branch; tests/complaints cover the page then
        got = outcome(client.get(url), url, expected)
        if got != expected:
            wrong.append(f"{name} {url}: expected {expected}, got {got}")
    assert not wrong, f"{persona}:\n" + "\n".join(wrong)


@pytest.mark.django_db
def test_an_admin_of_dinkes_never_sees_a_dpupr_report_anywhere(client_for, world):
    """Every page admin_dinkes may open, and every export, is free of the DPUPR report."""
    report = world["report"]
    client = client_for("admin_dinkes")
    seen = []
    for name, pattern in all_patterns():
        if name.startswith("admin:") or EXPECTED.get(name, {}).get("admin_dinkes") != 200:
            continue
        url = reverse(name, kwargs=kwargs_for(name, pattern, world))
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if report.tracking_id.encode() in body or b"ZXQ" in body:
            seen.append(url)
    for own in ("/opd/dinkes/", "/dasbor/"):  # their agency page (and the dashboard that sends them there)
        body = client.get(own, follow=True).content
        if report.tracking_id.encode() in body or b"ZXQ" in body or b"Cibeber" in body:
            seen.append(own)
    for query in ("format=csv", "format=xlsx", "agency=dpupr&format=csv", f"q={report.tracking_id}&format=csv"):
        body = b"".join(client.get(f"/pengaduan/?{query}").streaming_content)
        if report.tracking_id.encode() in body or b"ZXQ" in body:
            seen.append(f"/pengaduan/?{query}")
    for query in ("agency=dpupr", f"q={report.tracking_id}", "q=ZXQ"):  # the search box echoes the query
        body = client.get(f"/pengaduan/?{query}").content.decode()
        if f"/pengaduan/{report.tracking_id}/" in body or "Cibeber" in body:
            seen.append(f"/pengaduan/?{query}")
    page = client.get("/pengaduan/").content.decode()
    assert "dari 0" in page or "Tidak ada laporan" in page  # the count is 0, not 1
    assert not seen, f"admin_dinkes saw the DPUPR report on: {seen}"
