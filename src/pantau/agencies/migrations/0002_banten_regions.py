"""Banten's eight kabupaten/kota, so that a fresh installation can place imported reports.

Source: UU 23/2000 (Banten Province: Kabupaten Pandeglang, Lebak, Tangerang, Serang; Kota Tangerang,
Cilegon), UU 32/2007 (Kota Serang) and UU 51/2008 (Kota Tangerang Selatan). Aliases are the spellings
exports use beyond the "Kab."/"Kabupaten"/"Kota" forms the importer already understands. An existing
region (same slug or name, e.g. made by hand before this migration) is left as it is.
"""

from django.db import migrations

REGIONS = [
    ("kab-pandeglang", "Kabupaten Pandeglang", "kabupaten", ["Pandeglang"]),
    ("kab-lebak", "Kabupaten Lebak", "kabupaten", ["Lebak"]),
    ("kab-tangerang", "Kabupaten Tangerang", "kabupaten", []),
    ("kab-serang", "Kabupaten Serang", "kabupaten", []),
    ("kota-tangerang", "Kota Tangerang", "kota", []),
    ("kota-cilegon", "Kota Cilegon", "kota", ["Cilegon"]),
    ("kota-serang", "Kota Serang", "kota", []),
    ("kota-tangsel", "Kota Tangerang Selatan", "kota", ["Tangsel", "Kota Tangsel", "Tangerang Selatan"]),
]


def create_regions(apps, schema_editor):
    Region = apps.get_model("agencies", "Region")
    for slug, name, kind, aliases in REGIONS:
        if not Region.objects.filter(slug=slug).exists() and not Region.objects.filter(name=name).exists():
            Region.objects.create(slug=slug, name=name, kind=kind, aliases=aliases)


class Migration(migrations.Migration):
    dependencies = [("agencies", "0001_initial")]
    operations = [migrations.RunPython(create_regions, migrations.RunPython.noop)]
