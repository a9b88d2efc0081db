from datetime import UTC, datetime, timedelta

from pantau.complaints import suggest
from pantau.complaints.models import Category, Complaint

WHEN = datetime(2026, 1, 5, 3, 0, tzinfo=UTC)
ROADS = ["jalan provinsi rusak berlubang di {}", "jembatan ambruk dan jalan retak di {}",
         "aspal jalan mengelupas dekat {}", "perbaikan jalan mangkrak di {}"]
HEALTH = ["antrean rsud sangat panjang di {}", "pasien bpjs ditolak puskesmas {}",
          "obat di rumah sakit habis di {}", "dokter rsud tidak ada di {}"]
PLACES = ["serang", "pandeglang", "lebak", "cilegon", "tangerang"]


def past_reports(dinkes, pupr):
    infra = Category.objects.create(name="Infrastruktur")
    roads = Category.objects.create(name="Jalan", parent=infra)
    health = Category.objects.create(name="Kesehatan")
    n = 0
    for texts, agency, category in ((ROADS, pupr, roads), (HEALTH, dinkes, health)):
        for template in texts:
            for place in PLACES:
                n += 1
                Complaint.objects.create(tracking_id=f"LAP{n}", title=template.format(place), agency=agency,
                                         category=category, received_at=WHEN + timedelta(hours=n))
    return infra, health


def test_it_suggests_the_agency_and_top_level_category_that_handled_similar_reports(dinkes, pupr):
    infra, health = past_reports(dinkes, pupr)
    result = suggest.suggest("jalan berlubang parah di kabupaten lebak")
    assert result["agency"][0][0] == pupr and result["category"][0][0] == infra
    assert result["agency"][0][1] > result["agency"][1][1] and len(result["agency"]) == 2
    assert suggest.suggest("rsud antre lama, pasien terlantar")["agency"][0][0] == dinkes


def test_without_past_dispositions_there_is_no_suggestion(db):
    assert suggest.suggest("jalan rusak") == {"agency": [], "category": [], "pending": False}


def test_the_suggester_learns_again_when_reports_change(dinkes, pupr):
    past_reports(dinkes, pupr)
    first = suggest.get_suggester()
    Complaint.objects.create(tracking_id="NEW1", title="banjir", agency=pupr, received_at=WHEN)
    assert suggest.get_suggester() is not first


def test_a_large_office_learns_in_the_job_not_in_the_page(dinkes, pupr, monkeypatch):
    from pantau.complaints.models import SuggestionModel
    from pantau.jobs.registry import JOBS

    monkeypatch.setattr(suggest, "INLINE_LIMIT", 10)  # 40 past dispositions count as a large office
    past_reports(dinkes, pupr)
    assert suggest.suggest("jalan berlubang") == {"agency": [], "category": [], "pending": True}
    assert not SuggestionModel.objects.exists()
    job = JOBS["learn_suggestions"]
    assert job.due(WHEN) is True
    assert "40" in job.body(WHEN)
    assert job.due(WHEN) is False  # nothing changed since
    suggest._cache.clear()  # another web process loads the stored model
    assert suggest.suggest("jalan berlubang di lebak")["agency"][0][0] == pupr
    Complaint.objects.filter(tracking_id="LAP1").update(title="banjir", updated_at=WHEN + timedelta(days=400))
    assert job.due(WHEN) is True
