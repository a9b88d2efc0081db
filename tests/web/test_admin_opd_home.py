from datetime import datetime

import pytest
import time_machine

from pantau.complaints.sla import recompute_deadlines
from pantau.lib.periods import WIB
from tests.complaints.factories import make_complaint

pytestmark = pytest.mark.django_db


def test_an_admin_opd_home_lists_open_reports_overdue_first_then_by_deadline(client_for, dinkes, pupr):
    with time_machine.travel(datetime(2024, 3, 20, 10, 0, tzinfo=WIB), tick=False):
        make_complaint(dinkes, title="Baru-masuk", received_at=datetime(2024, 3, 19, 9, tzinfo=WIB))
        make_complaint(dinkes, title="Sudah-lewat", received_at=datetime(2024, 2, 1, 9, tzinfo=WIB))
        make_complaint(dinkes, title="Minggu-lalu", received_at=datetime(2024, 3, 14, 9, tzinfo=WIB))
        make_complaint(dinkes, title="Sudah-selesai", status="completed",
                       first_follow_up_at=datetime(2024, 3, 15, tzinfo=WIB), completed_at=datetime(2024, 3, 15, tzinfo=WIB))
        make_complaint(pupr, title="Milik-PUPR", received_at=datetime(2024, 1, 2, 9, tzinfo=WIB))
        recompute_deadlines()
        page = client_for("admin_dinkes").get("/").content.decode()
    assert "Milik-PUPR" not in page and "Sudah-selesai" not in page
    assert page.index("Sudah-lewat") < page.index("Minggu-lalu") < page.index("Baru-masuk")
    assert "laporan terbuka" in page and "lewat tenggat" in page


def test_other_roles_keep_the_agency_overview_as_home(client_for, dinkes):
    page = client_for("pimpinan").get("/").content.decode()
    assert "Dinas Kesehatan" in page and "Tenggat berikutnya" not in page


def test_an_admin_opd_home_shows_the_agencys_scorecard_against_the_province(client_for, dinkes, pupr):
    with time_machine.travel(datetime(2024, 3, 20, 10, 0, tzinfo=WIB), tick=False):
        for i in range(3):
            make_complaint(dinkes, title=f"D{i}", received_at=datetime(2024, 3, 4 + i, 9, tzinfo=WIB),
                           first_follow_up_at=datetime(2024, 3, 8, 9, tzinfo=WIB), status="followed_up")
        make_complaint(pupr, title="P1", received_at=datetime(2024, 3, 4, 9, tzinfo=WIB))
        recompute_deadlines()
        page = client_for("admin_dinkes").get("/").content.decode()
    assert "Rapor Triwulan I 2024" in page
    assert "Provinsi" in page and "Dinas Kesehatan" in page
    assert "100,0%" in page  # dinkes followed up all three
    assert "75,0%" in page   # the province: three of four
    assert "Pekerjaan Umum" not in page


def test_without_reports_this_quarter_the_scorecard_shows_the_last_quarter_with_reports(client_for, dinkes):
    make_complaint(dinkes, received_at=datetime(2024, 2, 5, 9, tzinfo=WIB))
    with time_machine.travel(datetime(2024, 11, 20, 10, 0, tzinfo=WIB), tick=False):
        page = client_for("admin_dinkes").get("/").content.decode()
        assert "Rapor Triwulan I 2024" in page
        page = client_for("admin_dinkes").get("/?period=2024-Q2").content.decode()
        assert "Rapor Triwulan II 2024" in page
