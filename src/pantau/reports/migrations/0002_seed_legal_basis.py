"""Seed the "Dasar Hukum" list; the koordinator edits it in the admin afterwards."""

from django.db import migrations

REGULATIONS = [
    "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi",
    "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 "
    "tentang Pelayanan Publik",
    "Peraturan Presiden Nomor 76 Tahun 2013 tentang Pengelolaan Pengaduan Pelayanan Publik",
    "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 62 Tahun 2018 "
    "tentang Pedoman Teknis Pengelolaan Pengaduan Pelayanan Publik Secara Nasional",
    "Keputusan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 680 Tahun 2020 "
    "tentang Penetapan Sistem Informasi Pengelolaan Pengaduan Pelayanan Publik Nasional - Layanan "
    "Aspirasi dan Pengaduan Online Rakyat sebagai Aplikasi Umum Bidang Pengelolaan Pengaduan "
    "Pelayanan Publik",
]


def seed(apps, schema_editor):
    LegalBasis = apps.get_model("reports", "LegalBasis")
    if LegalBasis.objects.exists():
        return
    LegalBasis.objects.bulk_create(
        LegalBasis(order=(i + 1) * 10, title=title) for i, title in enumerate(REGULATIONS)
    )


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_report_models")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
