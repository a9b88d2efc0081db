from pantau.complaints.models import Complaint


def test_login_page_is_indonesian_by_default(client, db):
    page = client.get("/masuk/")
    assert page.status_code == 200
    assert "Masuk ke Pantau" in page.content.decode()


def test_home_needs_a_login(client, db):
    assert client.get("/").status_code == 302


def test_admin_opd_sees_only_their_agency_on_home(client_for, dinkes, pupr):
    from django.utils import timezone

    Complaint.objects.create(tracking_id="1", agency=dinkes, received_at=timezone.now())
    page = client_for("admin_dinkes").get("/").content.decode()
    assert "Dinas Kesehatan" in page
    assert "Pekerjaan Umum" not in page
    page = client_for("koordinator").get("/").content.decode()
    assert "Dinas Kesehatan" in page and "Pekerjaan Umum" in page
