"""The report pages: who may do what, editing a section, preview and downloads."""

import pytest
from django.urls import reverse

from pantau.lib.periods import parse_period
from pantau.reports import actions
from pantau.reports.models import Report


@pytest.fixture
def draft_and_final(seeded, personas):
    final = actions.create_report(parse_period("2023-Q4"), personas["koordinator"])
    actions.finalize(final, personas["koordinator"])
    draft = actions.create_report(parse_period("2024-Q1"), personas["koordinator"])
    return draft, final


def test_the_koordinator_chooses_a_period_edits_a_section_and_previews_it(seeded, client_for):
    c = client_for("koordinator")
    r = c.post(reverse("report_create"), {"period": "2024-Q1"})
    report = Report.objects.get(period="2024-Q1")
    assert r.url == reverse("report_edit", args=[report.pk])
    page = c.get(r.url).content.decode()
    assert "Ringkasan Eksekutif" in page and "<textarea" in page
    c.post(r.url, {"summary": "Ringkasan <b>versi</b> koordinator."})
    preview = c.get(reverse("report_preview", args=[report.pk])).content.decode()
    assert "Ringkasan &lt;b&gt;versi&lt;/b&gt; koordinator." in preview
    report.refresh_from_db()
    assert list(report.sections) == ["summary"], "unchanged drafted sections are not stored as edits"


def test_a_wrong_period_gets_a_message_and_creates_nothing(db, client_for):
    r = client_for("koordinator").post(reverse("report_create"), {"period": "Q1-2024"}, follow=True)
    assert "2024-Q1" in r.content.decode()
    assert not Report.objects.exists()


@pytest.mark.parametrize("fmt, mime", [("pdf", "application/pdf"), ("html", "text/html"),
                                       ("docx", "application/vnd.openxmlformats")])
def test_the_koordinator_downloads_each_format(draft_and_final, client_for, fmt, mime):
    draft, _final = draft_and_final
    r = client_for("koordinator").get(reverse("report_download", args=[draft.pk, fmt]))
    assert r.status_code == 200 and r["Content-Type"].startswith(mime)
    assert "attachment" in r["Content-Disposition"]


def test_pimpinan_reads_and_downloads_final_versions_only(draft_and_final, client_for):
    draft, final = draft_and_final
    c = client_for("pimpinan")
    listing = c.get(reverse("report_list")).content.decode()
    assert "Triwulan IV 2023" in listing and "Triwulan I 2024" not in listing
    r = c.get(reverse("report_download", args=[final.pk, "pdf"]))
    assert r.status_code == 200 and r.content == actions.render(final, "pdf")
    assert c.get(reverse("report_download", args=[draft.pk, "pdf"])).status_code == 403
    assert c.post(reverse("report_create"), {"period": "2024-Q2"}).status_code == 403
    assert c.post(reverse("report_finalize", args=[draft.pk])).status_code == 403


@pytest.mark.parametrize("persona", ["analis", "admin_dinkes"])
def test_other_roles_may_not_open_reports(draft_and_final, client_for, persona):
    draft, final = draft_and_final
    c = client_for(persona)
    assert c.get(reverse("report_list")).status_code == 403
    assert c.get(reverse("report_download", args=[final.pk, "pdf"])).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(draft_and_final, client_for):
    _draft, final = draft_and_final
    r = client_for("anon").get(reverse("report_download", args=[final.pk, "pdf"]))
    assert r.status_code == 302 and reverse("login") in r.url


def test_finalizing_from_the_page_freezes_the_version(draft_and_final, client_for):
    draft, _final = draft_and_final
    c = client_for("koordinator")
    c.post(reverse("report_finalize", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.is_final and draft.files.count() == 3
    page = c.get(reverse("report_edit", args=[draft.pk])).content.decode()
    assert "<textarea" not in page


def png_logo() -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (60, 80), (90, 90, 90)).save(buf, format="PNG")
    return buf.getvalue()


def test_the_koordinator_sets_the_letterhead_logo_and_legal_basis(seeded, client_for):
    import io

    import pypdf
    from django.core.files.uploadedfile import SimpleUploadedFile

    c = client_for("koordinator")
    r = c.post(reverse("report_settings"), {
        "government": "PEMERINTAH PROVINSI BANTEN", "office": "DISKOMINFO UJI", "address": "Jl. Uji 1",
        "contact": "", "sign_place": "Serang", "signer_title": "Kepala Dinas", "signer_name": "Drs. Penanda Tangan",
        "signer_nip": "196501011990031002", "recipients": "Gubernur Banten",
        "legal_basis": "Peraturan Uji Nomor 1\nPeraturan Uji Nomor 2",
        "logo": SimpleUploadedFile("logo.png", png_logo(), content_type="image/png"),
    })
    assert r.status_code == 302
    report = actions.create_report(parse_period("2024-Q1"))
    pdf = actions.render(report, "pdf")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages[0].images) == 1, "the logo is printed in the letterhead"
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "DISKOMINFO UJI" in text and "Drs. Penanda Tangan" in text and "NIP. 196501011990031002" in text
    assert "Peraturan Uji Nomor 2" in text and "Perpres" not in text


def test_a_logo_that_is_not_an_image_is_refused(db, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    r = client_for("koordinator").post(reverse("report_settings"), {
        "government": "G", "office": "O", "address": "A", "sign_place": "S", "signer_title": "T",
        "logo": SimpleUploadedFile("logo.exe", b"MZ", content_type="application/octet-stream"),
    })
    assert r.status_code == 200
    assert "PNG" in r.content.decode()
