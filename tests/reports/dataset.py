"""A small, deterministic complaint dataset with personal data in it, for end-to-end report tests.

Every reporter has a name, phone, e-mail and NIK, and some reports are rahasia with a recognisable
text: the privacy tests look for each of these in every public output.
"""

import random
from datetime import datetime, timedelta

from pantau.agencies.models import Agency, Region
from pantau.complaints.models import Category, Channel, Complaint, Kind, Status
from pantau.complaints.sla import recompute_deadlines
from pantau.lib.periods import WIB

NOW = datetime(2024, 4, 10, 9, 0, tzinfo=WIB)
AGENCIES = [("Dinas Kesehatan", "dinkes"), ("Dinas Pekerjaan Umum dan Penataan Ruang", "dpupr"),
            ("Dinas Pendidikan dan Kebudayaan", "dindikbud"), ("Dinas Perhubungan", "dishub"),
            ("RSUD Banten", "rsud-banten")]
REGIONS = [("Kota Serang", "kota-serang", "kota"), ("Kabupaten Lebak", "kab-lebak", "kabupaten"),
           ("Kota Cilegon", "kota-cilegon", "kota")]
CATEGORIES = ["Kesehatan", "Pekerjaan Umum dan Penataan Ruang", "Pendidikan", "Perhubungan"]
NAMES = ["Siti Nurhaliza Rahmawati", "Budi Santoso Wibowo", "Dewi Lestari Anggraini", "Ahmad Fauzi Hidayat"]


def personal(i: int) -> dict:
    name = NAMES[i % len(NAMES)]
    return {"reporter_name": f"{name} {i}", "reporter_phone": f"0812{i:08d}",
            "reporter_email": f"pelapor{i}.{name.split()[0].lower()}@contoh-surel.id",
            "reporter_id_number": f"36{i:014d}"}


def secret_text(i: int) -> str:
    return f"RAHASIA-{i:04d} pungutan liar oleh oknum pegawai di loket pelayanan"


def seed(n: int = 160, seed_value: int = 7) -> list[Complaint]:
    """n reports spread over 2023-Q4 and 2024-Q1 with deadlines computed as of NOW."""
    rnd = random.Random(seed_value)
    agencies = [Agency.objects.get_or_create(slug=s, defaults={"name": name})[0] for name, s in AGENCIES]
    regions = [Region.objects.get_or_create(slug=s, defaults={"name": name, "kind": k})[0] for name, s, k in REGIONS]
    cats = [Category.objects.get_or_create(name=c, parent=None)[0] for c in CATEGORIES]
    start = datetime(2023, 10, 2, 8, 0, tzinfo=WIB)
    rows = []
    for i in range(n):
        received = start + timedelta(hours=int(rnd.random() * 24 * 180))
        agency_i = min(int(rnd.random() ** 1.5 * len(agencies)), len(agencies) - 1)
        secret = i % 9 == 0
        c = Complaint(
            tracking_id=str(9100000 + i), title=f"Laporan nomor {i} tentang layanan",
            text=secret_text(i) if secret else f"Isi laporan biasa {i}",
            kind=rnd.choice([Kind.PENGADUAN, Kind.PENGADUAN, Kind.ASPIRASI, Kind.INFORMASI]),
            channel=rnd.choice([Channel.WEBSITE, Channel.SMS, Channel.APP, Channel.WHATSAPP]),
            category=cats[agency_i % len(cats)], region=rnd.choice(regions), is_secret=secret,
            is_anonymous=(i % 7 == 0), received_at=received, agency=agencies[agency_i], **personal(i),
        )
        _lifecycle(c, rnd, agency_i)
        rows.append(c)
    Complaint.objects.bulk_create(rows)
    recompute_deadlines(now=NOW)
    return rows


def _lifecycle(c: Complaint, rnd: random.Random, agency_i: int) -> None:
    """Slower agencies (higher index) dispose, answer and finish later, and leave more open."""
    c.verified_at = c.disposed_at = c.received_at + timedelta(days=rnd.randint(0, 3))
    if c.disposed_at >= NOW:
        c.status, c.verified_at, c.disposed_at = Status.UNVERIFIED, None, None
        return
    c.status = Status.DISPOSED
    if rnd.random() < 0.9 - agency_i * 0.12:
        c.first_follow_up_at = c.disposed_at + timedelta(days=rnd.randint(1, 4 + agency_i * 4))
        if c.first_follow_up_at < NOW:
            c.status = Status.FOLLOWED_UP
            c.last_activity_at = c.first_follow_up_at
            if rnd.random() < 0.8 - agency_i * 0.1:
                c.completed_at = c.first_follow_up_at + timedelta(days=rnd.randint(1, 12))
                if c.completed_at < NOW:
                    c.status = Status.COMPLETED
                else:
                    c.completed_at = None
        else:
            c.first_follow_up_at = None
