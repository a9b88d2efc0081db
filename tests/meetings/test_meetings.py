from datetime import date, datetime, timedelta

import pytest
import time_machine

from pantau.complaints.models import Complaint, Status
from pantau.lib.periods import WIB
from pantau.meetings import actions
from pantau.meetings.api import report_section
from pantau.meetings.models import Attendee, Decision, Meeting

NOW = datetime(2024, 8, 20, 9, tzinfo=WIB)


def reports(agency, n, *, followed_up: bool, start=datetime(2024, 2, 5, 9, tzinfo=WIB)):
    for i in range(n):
        received = start + timedelta(days=i % 90)
        Complaint.objects.create(
            tracking_id=f"{agency.slug}-{i}", agency=agency, received_at=received,
            disposed_at=received + timedelta(days=1),
            first_follow_up_at=received + timedelta(days=2) if followed_up else None,
            completed_at=received + timedelta(days=3) if followed_up else None,
            status=Status.COMPLETED if followed_up else Status.DISPOSED,
        )


@pytest.fixture
def meeting(db, dinkes, pupr, personas):
    reports(dinkes, 30, followed_up=False)  # busy and neglectful: first on the list
    reports(pupr, 12, followed_up=True)
    from pantau.complaints.sla import recompute_deadlines

    with time_machine.travel(NOW, tick=False):
        recompute_deadlines()
    return Meeting.objects.create(title="Rapat Koordinasi SP4N-LAPOR! Semester II 2024", starts_at=NOW,
                                  place="Aula Diskominfo, KP3B Serang", period="2024-H1",
                                  agenda="Pembukaan\nEvaluasi tindak lanjut\nPelatihan menjawab laporan",
                                  speakers="Ombudsman RI Perwakilan Banten", created_by=personas["koordinator"])


@time_machine.travel(NOW, tick=False)
def test_invitations_are_proposed_busiest_and_weakest_first_with_a_reason(meeting, dinkes, pupr):
    invitations = actions.propose_invitations(meeting)
    assert [i.agency for i in invitations] == [dinkes, pupr]
    first = invitations[0]
    assert "30 laporan" in first.reason and "overdue" not in first.reason
    assert first.scorecard_before["received"] == 30
    assert first.addressee == "Kepala Dinas Kesehatan"


@time_machine.travel(NOW, tick=False)
def test_the_koordinator_adjusts_the_invitation_list(meeting, dinkes, pupr, client_for):
    actions.propose_invitations(meeting)
    page = client_for("koordinator").post(f"/rapat/{meeting.pk}/undangan/", {"agency": [pupr.id]})
    assert page.status_code == 302
    assert list(meeting.invitations.values_list("agency__slug", flat=True)) == ["dpupr"]


@time_machine.travel(NOW, tick=False)
def test_attendance_is_ticked_in_the_app(meeting, dinkes, client_for):
    actions.propose_invitations(meeting)
    c = client_for("koordinator")
    c.post(f"/rapat/{meeting.pk}/hadir/", {"name": "Rina Admin", "position": "Admin Penghubung", "agency": dinkes.id})
    rina = Attendee.objects.get(meeting=meeting, name="Rina Admin")
    c.post(f"/rapat/{meeting.pk}/hadir/", {"present": [rina.pk]})
    rina.refresh_from_db()
    assert rina.present and rina.agency == dinkes
    sheet = c.get(f"/rapat/{meeting.pk}/daftar-hadir/").content.decode()
    assert "DAFTAR HADIR" in sheet and "Dinas Kesehatan" in sheet


@time_machine.travel(NOW, tick=False)
def test_open_decisions_are_carried_to_the_next_meeting_and_reviewed_there(meeting, dinkes, client_for):
    c = client_for("koordinator")
    c.post(f"/rapat/{meeting.pk}/keputusan/", {"text": "Dinkes menuntaskan 20 laporan tertunda", "agency": dinkes.id,
                                               "due_date": "2024-09-30"})
    decision = Decision.objects.get(meeting=meeting)
    later = Meeting.objects.create(title="Rapat Koordinasi Maret 2025", starts_at=NOW + timedelta(days=200),
                                   place="Aula", period="2024-H2", agenda="Evaluasi")
    assert list(actions.open_decisions_before(later)) == [decision]
    page = c.get(f"/rapat/{later.pk}/").content.decode()
    assert "Dinkes menuntaskan 20 laporan tertunda" in page
    c.post(f"/rapat/{later.pk}/keputusan/", {"review": decision.pk, "status": "done", "note": "Tuntas 25 September"})
    decision.refresh_from_db()
    assert (decision.status, decision.reviewed_at, decision.follow_up_note) == ("done", later, "Tuntas 25 September")
    assert list(actions.open_decisions_before(later)) == []


@pytest.mark.parametrize("persona,status", [("koordinator", 200), ("pimpinan", 200), ("analis", 403),
                                            ("admin_dinkes", 403), ("anon", 302)])
def test_who_may_open_a_meeting(meeting, client_for, persona, status):
    with time_machine.travel(NOW, tick=False):
        assert client_for(persona).get(f"/rapat/{meeting.pk}/").status_code == status


def test_only_the_koordinator_records_decisions(meeting, client_for):
    assert client_for("pimpinan").post(f"/rapat/{meeting.pk}/keputusan/", {"text": "x"}).status_code == 403
    assert not Decision.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_the_meeting_appears_in_the_quarterly_report_section(meeting):
    from pantau.lib.periods import parse_period

    actions.propose_invitations(meeting)
    section = report_section(parse_period("2024-Q3"))
    assert "1 rapat koordinasi" in section["text"]
    assert section["tables"][0]["rows"][0][:2] == ["20 Agustus 2024", meeting.title]
    assert report_section(parse_period("2024-Q2")) is None


@time_machine.travel(date(2025, 3, 1), tick=False)
def test_scorecards_before_and_after_the_meeting_are_compared(meeting, dinkes):
    actions.propose_invitations(meeting)
    rows = {r["agency"].slug: r for r in actions.before_and_after(meeting)}
    assert rows["dinkes"]["before"]["received"] == 30
    assert actions.after_period(meeting) == "2024-08-21..2025-02-18"  # as long as 2024-H1: 182 days


def pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@time_machine.travel(NOW, tick=False)
def test_invitation_letters_are_one_per_agency_with_number_date_and_agenda(meeting, client_for):
    meeting.letter_number = "005/123-Diskominfo/2024"
    meeting.save(update_fields=["letter_number"])
    actions.propose_invitations(meeting)
    response = client_for("koordinator").get(f"/rapat/{meeting.pk}/undangan.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert text.count("005/123-Diskominfo/2024") == 2
    assert "Yth. Kepala Dinas Kesehatan" in text and "Yth. Kepala Dinas Pekerjaan Umum" in text
    assert "Selasa, 20 Agustus 2024" in text and "Evaluasi tindak lanjut" in text
    assert "PEMERINTAH PROVINSI BANTEN" in text


@time_machine.travel(NOW, tick=False)
def test_the_activity_report_tells_who_came_what_the_numbers_said_and_what_was_decided(meeting, dinkes, client_for):
    import io

    from docx import Document

    actions.propose_invitations(meeting)
    a = actions.add_attendee(meeting, "Rina Lestari", "Admin Penghubung", dinkes)
    actions.record_attendance(meeting, [a.pk])
    Decision.objects.create(meeting=meeting, text="Dinkes menuntaskan laporan tertunda", agency=dinkes, due_date=date(2024, 9, 30))
    c = client_for("koordinator")
    text = pdf_text(c.get(f"/rapat/{meeting.pk}/laporan.pdf").content)
    assert "LAPORAN KEGIATAN" in text and "Rina Lestari" in text
    assert "Dinkes menuntaskan laporan tertunda" in text and "30 September 2024" in text
    assert "Tidak hadir: Dinas Pekerjaan Umum" in text.replace("\n", " ")
    docx = Document(io.BytesIO(c.get(f"/rapat/{meeting.pk}/laporan.docx").content))
    body = "\n".join(p.text for p in docx.paragraphs) + "\n".join(
        cell.text for t in docx.tables for row in t.rows for cell in row.cells)
    assert "Rina Lestari" in body and "Dinkes menuntaskan laporan tertunda" in body
    scorecard_rows = [[c.text for c in row.cells] for t in docx.tables for row in t.rows]
    assert ["1", "Dinas Kesehatan", "30"] in [r[:3] for r in scorecard_rows]  # its scorecard before the meeting


@time_machine.travel(NOW, tick=False)
def test_the_agency_page_shows_the_share_of_good_answers_beside_the_province(meeting, dinkes, client_for):
    from pantau.complaints.models import FollowUp
    from tests.lib.test_answer_quality import GOOD, POOR

    reports_of_dinkes = list(Complaint.objects.filter(agency=dinkes)[:4])
    for i, c in enumerate(reports_of_dinkes):
        FollowUp.objects.create(complaint=c, agency=dinkes, posted_at=c.received_at + timedelta(days=1),
                                text=GOOD.replace("12", str(20 + i)) if i == 0 else POOR)
    page = client_for("admin_dinkes").get("/opd/dinkes/?period=2024-H1").content.decode()
    assert "Kualitas jawaban" in page
    assert "25,0% dari 4 jawaban" in page
