import pytest

from pantau.complaints.models import PersonalDataAccess
from tests.complaints.factories import make_complaint

pytestmark = pytest.mark.django_db


def test_the_koordinator_reads_who_saw_personal_data(client_for, personas, dinkes):
    c = make_complaint(dinkes)
    client_for("admin_dinkes").get(f"/pengaduan/{c.tracking_id}/")
    page = client_for("koordinator").get("/audit/").content.decode()
    assert "admin_dinkes" in page and f"#{c.tracking_id}" in page and "web" in page


def test_the_audit_log_filters_by_user_report_and_channel(client_for, personas, dinkes):
    a, b = make_complaint(dinkes), make_complaint(dinkes)
    PersonalDataAccess.objects.create(user=personas["admin_dinkes"], complaint=a, via="web")
    PersonalDataAccess.objects.create(user=personas["koordinator"], complaint=b, via="export")
    client = client_for("koordinator")
    by_user = client.get("/audit/?user=admin_dinkes").content.decode()
    assert f"#{a.tracking_id}" in by_user and f"#{b.tracking_id}" not in by_user
    by_report = client.get(f"/audit/?tracking_id=%23{b.tracking_id}").content.decode()
    assert f"#{b.tracking_id}" in by_report and f"#{a.tracking_id}" not in by_report
    by_via = client.get("/audit/?via=export").content.decode()
    assert f"#{b.tracking_id}" in by_via and f"#{a.tracking_id}" not in by_via


@pytest.mark.parametrize("persona", ["analis", "admin_dinkes", "pimpinan"])
def test_only_the_koordinator_reads_the_audit_log(client_for, persona):
    assert client_for(persona).get("/audit/").status_code == 403
