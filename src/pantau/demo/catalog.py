"""The fixed parts of the Banten demo: provincial agencies (OPD), the 8 kabupaten/kota and the LAPOR!
category tree. Names follow the real structure of Pemprov Banten; heads, e-mails and behaviour are
invented. Each agency's `profile` names how it answers reports (see generator.PROFILES) and its
`weight` how many reports it receives, so that rankings built on the demo mean something."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class AgencySpec:
    slug: str
    name: str
    short_name: str
    kind: str
    profile: str
    weight: float
    categories: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    home_regions: tuple[str, ...] = ()

    def all_aliases(self) -> list[str]:
        """How exports write this agency: short name, "... Provinsi Banten", upper case, and extras."""
        base = [self.short_name, f"{self.name} Provinsi Banten", f"{self.name} Provinsi Banten".upper()]
        if self.kind in ("dinas", "badan"):
            base.append(f"{self.short_name} Prov Banten")
        return list(dict.fromkeys(a for a in (*base, *self.aliases) if a and a != self.name))


def _a(slug, name, short, kind, profile, weight, cats, aliases=(), regions=()):
    return AgencySpec(slug, name, short, kind, profile, weight, tuple(cats), tuple(aliases), tuple(regions))


PU = "Pekerjaan Umum dan Penataan Ruang"
KES = "Kesehatan"
PDK = "Pendidikan dan Kebudayaan"
HUB = "Perhubungan"
SOS = "Sosial"
LH = "Lingkungan Hidup dan Kehutanan"
DUK = "Kependudukan dan Pencatatan Sipil"
PJK = "Pajak Daerah"
NAKER = "Ketenagakerjaan"
TIBUM = "Ketenteraman dan Ketertiban Umum"
BENCANA = "Penanggulangan Bencana"
ASN = "Aparatur Sipil Negara"
KORUPSI = "Pencegahan Korupsi dan Pungutan Liar"
RUMAH = "Perumahan dan Permukiman"
TANI = "Pertanian dan Ketahanan Pangan"
DAG = "Perdagangan, Perindustrian dan UMKM"
ESDM = "Energi dan Sumber Daya Mineral"
LAUT = "Kelautan dan Perikanan"
WISATA = "Pariwisata, Pemuda dan Olahraga"
IZIN = "Perizinan dan Investasi"
KOMINFO = "Komunikasi dan Informatika"
PPA = "Pemberdayaan Perempuan dan Perlindungan Anak"
LAIN = "Topik Lainnya"

# Top-level category -> sub-categories (LAPOR! writes "TOP > SUB").
CATEGORIES: dict[str, tuple[str, ...]] = {
    PU: ("Jalan Berlubang", "Jembatan Rusak", "Drainase dan Saluran Air", "Irigasi", "Tata Ruang dan Bangunan"),
    KES: ("Pelayanan Rumah Sakit", "Jaminan Kesehatan", "Ketersediaan Obat", "Sikap Tenaga Kesehatan", "Pelayanan Puskesmas"),
    PDK: ("Penerimaan Peserta Didik Baru", "Pungutan Sekolah", "Ijazah dan Administrasi Sekolah",
          "Sarana dan Prasarana Sekolah", "Guru dan Tenaga Kependidikan", "Beasiswa dan Bantuan Pendidikan"),
    HUB: ("Angkutan Umum", "Penerangan Jalan Umum", "Rambu dan Marka Jalan", "Kendaraan Angkutan Barang"),
    SOS: ("Bantuan Sosial", "Data Terpadu Kesejahteraan Sosial", "Penyandang Disabilitas", "Orang Terlantar"),
    LH: ("Pencemaran Sungai", "Sampah", "Pencemaran Udara", "Penebangan Pohon"),
    DUK: ("KTP Elektronik", "Kartu Keluarga", "Akta Kelahiran"),
    PJK: ("Pajak Kendaraan Bermotor", "Pelayanan Samsat", "Bea Balik Nama Kendaraan", "Pemutihan Pajak"),
    NAKER: ("Upah Tidak Dibayar", "Pemutusan Hubungan Kerja", "Jaminan Sosial Tenaga Kerja", "Pelatihan Kerja"),
    TIBUM: ("Pedagang Kaki Lima", "Bangunan Liar", "Tempat Hiburan Malam"),
    BENCANA: ("Banjir", "Tanah Longsor", "Bantuan Korban Bencana", "Abrasi Pantai"),
    ASN: ("Disiplin Pegawai", "Pelayanan Kepegawaian", "Tunjangan dan Gaji Pegawai"),
    KORUPSI: ("Pungutan Liar", "Penyalahgunaan Wewenang", "Pengadaan Barang dan Jasa"),
    RUMAH: ("Rumah Tidak Layak Huni", "Air Bersih", "Sanitasi"),
    TANI: ("Pupuk Bersubsidi", "Harga Gabah", "Kesehatan Hewan"),
    DAG: ("Harga Bahan Pokok", "Gas Elpiji", "Bantuan UMKM"),
    ESDM: ("Tambang Tanpa Izin", "Listrik Desa", "Air Tanah"),
    LAUT: ("Bantuan Nelayan", "Tempat Pelelangan Ikan"),
    WISATA: ("Destinasi Wisata", "Fasilitas Olahraga"),
    IZIN: ("Perizinan Berusaha", "Investasi"),
    KOMINFO: ("Layanan Informasi Publik", "Jaringan Internet", "Situs Web Pemerintah"),
    PPA: ("Kekerasan terhadap Anak", "Kekerasan terhadap Perempuan"),
    LAIN: ("Lain-lain",),
}

# Which categories are about abuse by officials (berkadar pengawasan: 60 working days).
SUPERVISORY_CATEGORIES = {(KORUPSI, "Pungutan Liar"), (KORUPSI, "Penyalahgunaan Wewenang"),
                          (KORUPSI, "Pengadaan Barang dan Jasa"), (PDK, "Pungutan Sekolah")}

def _subs(top, *subs):
    return [f"{top} > {s}" for s in (subs or CATEGORIES[top])]


AGENCIES: tuple[AgencySpec, ...] = (
    _a("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "dinas", "slow", 15,
       _subs(PU), ["Dinas PUPR", "Dinas PUPR Provinsi Banten", "PUPR Banten", "Dinas PU dan Penataan Ruang"]),
    _a("dindikbud", "Dinas Pendidikan dan Kebudayaan", "Dindikbud", "dinas", "improving", 12,
       _subs(PDK), ["Dindikbud Banten", "Dinas Pendidikan Provinsi Banten", "Disdikbud Prov Banten"]),
    _a("dinkes", "Dinas Kesehatan", "Dinkes", "dinas", "steady", 8,
       _subs(KES, "Jaminan Kesehatan", "Ketersediaan Obat", "Pelayanan Puskesmas", "Sikap Tenaga Kesehatan"),
       ["Dinkes Banten", "Dinas Kesehatan Prov. Banten"]),
    _a("bapenda", "Badan Pendapatan Daerah", "Bapenda", "badan", "fast", 7,
       _subs(PJK), ["Bapenda Banten", "BAPENDA PROV BANTEN"]),
    _a("samsat-serang", "UPTD Samsat Serang", "Samsat Serang", "upt", "fast", 2.5,
       _subs(PJK, "Pelayanan Samsat", "Pajak Kendaraan Bermotor"), ["UPT Samsat Serang", "Samsat Kota Serang"], ("kota-serang", "kab-serang")),
    _a("samsat-ciputat", "UPTD Samsat Ciputat", "Samsat Ciputat", "upt", "worsening", 2.5,
       _subs(PJK, "Pelayanan Samsat", "Bea Balik Nama Kendaraan"), ["UPT Samsat Ciputat", "Samsat Tangsel"], ("kota-tangsel",)),
    _a("samsat-balaraja", "UPTD Samsat Balaraja", "Samsat Balaraja", "upt", "slow", 2,
       _subs(PJK, "Pelayanan Samsat", "Pajak Kendaraan Bermotor"), ["UPT Samsat Balaraja"], ("kab-tangerang",)),
    _a("samsat-cikokol", "UPTD Samsat Cikokol", "Samsat Cikokol", "upt", "steady", 2,
       _subs(PJK, "Pelayanan Samsat", "Pemutihan Pajak"), ["UPT Samsat Cikokol", "Samsat Kota Tangerang"], ("kota-tangerang",)),
    _a("dishub", "Dinas Perhubungan", "Dishub", "dinas", "worsening", 6,
       _subs(HUB), ["Dishub Banten", "DISHUB PROV BANTEN"]),
    _a("dinsos", "Dinas Sosial", "Dinsos", "dinas", "steady", 6,
       _subs(SOS), ["Dinsos Banten", "Dinas Sosial Prov Banten"]),
    _a("rsud-banten", "RSUD Banten", "RSUD Banten", "rsud", "fast", 4,
       _subs(KES, "Pelayanan Rumah Sakit", "Sikap Tenaga Kesehatan", "Jaminan Kesehatan"),
       ["Rumah Sakit Umum Daerah Banten", "RSUD Provinsi Banten", "RSUD BANTEN"], ("kota-serang", "kab-serang", "kab-pandeglang")),
    _a("rsud-malingping", "RSUD Malingping", "RSUD Malingping", "rsud", "improving", 1.5,
       _subs(KES, "Pelayanan Rumah Sakit", "Sikap Tenaga Kesehatan"), ["Rumah Sakit Umum Daerah Malingping", "RSUD MALINGPING"], ("kab-lebak",)),
    _a("rsud-labuan", "RSUD Labuan", "RSUD Labuan", "rsud", "neglectful", 1.2,
       _subs(KES, "Pelayanan Rumah Sakit", "Ketersediaan Obat"), ["Rumah Sakit Umum Daerah Labuan", "RSUD LABUAN"], ("kab-pandeglang",)),
    _a("rsud-cilograng", "RSUD Cilograng", "RSUD Cilograng", "rsud", "slow", 0.6,
       _subs(KES, "Pelayanan Rumah Sakit"), ["Rumah Sakit Umum Daerah Cilograng"], ("kab-lebak",)),
    _a("dlhk", "Dinas Lingkungan Hidup dan Kehutanan", "DLHK", "dinas", "slow", 3.5,
       _subs(LH), ["DLHK Banten", "Dinas LHK Provinsi Banten", "Dinas Lingkungan Hidup"]),
    _a("disnakertrans", "Dinas Tenaga Kerja dan Transmigrasi", "Disnakertrans", "dinas", "slow", 3.5,
       _subs(NAKER), ["Disnakertrans Banten", "Dinas Tenaga Kerja Prov Banten"]),
    _a("disperkim", "Dinas Perumahan Rakyat dan Kawasan Permukiman", "Disperkim", "dinas", "neglectful", 2.5,
       _subs(RUMAH), ["Dinas Perkim Provinsi Banten", "Disperkim Banten"]),
    _a("bpbd", "Badan Penanggulangan Bencana Daerah", "BPBD", "badan", "fast", 2.5,
       _subs(BENCANA), ["BPBD Banten", "BPBD Provinsi Banten"]),
    _a("satpolpp", "Satuan Polisi Pamong Praja", "Satpol PP", "lain", "improving", 2,
       _subs(TIBUM), ["Satpol PP Provinsi Banten", "SATPOL PP BANTEN", "Satuan Pol PP"]),
    _a("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "dinas", "steady", 1.8,
       _subs(DUK), ["Dukcapil Banten", "Disdukcapil Prov Banten"]),
    _a("diskominfo", "Dinas Komunikasi, Informatika, Statistik dan Persandian", "Diskominfo", "dinas", "fast", 1.5,
       _subs(KOMINFO), ["Diskominfosp Banten", "Diskominfo Banten", "Dinas Kominfo Provinsi Banten"]),
    _a("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "dinas", "fast", 1.2,
       _subs(IZIN), ["DPMPTSP Banten", "Dinas PMPTSP Provinsi Banten"]),
    _a("disperindag", "Dinas Perindustrian dan Perdagangan", "Disperindag", "dinas", "steady", 1.2,
       _subs(DAG, "Harga Bahan Pokok", "Gas Elpiji"), ["Disperindag Banten"]),
    _a("dinkopukm", "Dinas Koperasi, Usaha Kecil dan Menengah", "Dinkop UKM", "dinas", "slow", 0.8,
       _subs(DAG, "Bantuan UMKM"), ["Dinas Koperasi dan UKM Provinsi Banten", "Dinkop UKM Banten"]),
    _a("distan", "Dinas Pertanian", "Distan", "dinas", "steady", 0.9,
       _subs(TANI, "Pupuk Bersubsidi", "Kesehatan Hewan"), ["Distan Banten", "Dinas Pertanian Prov Banten"]),
    _a("dkp", "Dinas Ketahanan Pangan", "DKP", "dinas", "neglectful", 0.5,
       _subs(TANI, "Harga Gabah"), ["Dinas Ketahanan Pangan Prov Banten"]),
    _a("dkp-laut", "Dinas Kelautan dan Perikanan", "DKP Laut", "dinas", "slow", 0.6,
       _subs(LAUT), ["Dinas KP Provinsi Banten", "Dislautkan Banten"]),
    _a("desdm", "Dinas Energi dan Sumber Daya Mineral", "DESDM", "dinas", "neglectful", 0.8,
       _subs(ESDM), ["Dinas ESDM Provinsi Banten", "ESDM Banten"]),
    _a("dispar", "Dinas Pariwisata", "Dispar", "dinas", "steady", 0.6,
       _subs(WISATA, "Destinasi Wisata"), ["Dispar Banten", "Dinas Pariwisata Prov Banten"]),
    _a("dispora", "Dinas Pemuda dan Olahraga", "Dispora", "dinas", "neglectful", 0.4,
       _subs(WISATA, "Fasilitas Olahraga"), ["Dispora Banten"]),
    _a("dp3akkb", "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Kependudukan dan Keluarga Berencana",
       "DP3AKKB", "dinas", "fast", 0.7, _subs(PPA), ["DP3AKKB Banten", "Dinas PPPA Provinsi Banten"]),
    _a("dpmd", "Dinas Pemberdayaan Masyarakat dan Desa", "DPMD", "dinas", "slow", 0.5,
       _subs(LAIN), ["DPMD Banten", "Dinas PMD Provinsi Banten"]),
    _a("dispusip", "Dinas Perpustakaan dan Kearsipan", "Dispusip", "dinas", "steady", 0.3,
       _subs(KOMINFO, "Layanan Informasi Publik"), ["Dispusip Banten"]),
    _a("bkd", "Badan Kepegawaian Daerah", "BKD", "badan", "fast", 1.2,
       _subs(ASN), ["BKD Banten", "BKD Provinsi Banten"]),
    _a("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "badan", "neglectful", 0.6,
       _subs(ASN, "Tunjangan dan Gaji Pegawai") + _subs(KORUPSI, "Pengadaan Barang dan Jasa"), ["BPKAD Banten"]),
    _a("bappeda", "Badan Perencanaan Pembangunan Daerah", "Bappeda", "badan", "steady", 0.5,
       _subs(LAIN), ["Bappeda Banten", "BAPPEDA PROVINSI BANTEN"]),
    _a("bpsdmd", "Badan Pengembangan Sumber Daya Manusia Daerah", "BPSDMD", "badan", "slow", 0.3,
       _subs(ASN, "Pelayanan Kepegawaian"), ["BPSDM Banten"]),
    _a("kesbangpol", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol", "badan", "neglectful", 0.3,
       _subs(LAIN), ["Bakesbangpol Banten", "Kesbangpol Prov Banten"]),
    _a("inspektorat", "Inspektorat", "Inspektorat", "lain", "steady", 1.5,
       _subs(KORUPSI), ["Inspektorat Provinsi Banten", "INSPEKTORAT PROV. BANTEN"]),
    _a("biro-pemerintahan", "Biro Pemerintahan", "Biro Pemerintahan", "biro", "slow", 0.4,
       _subs(LAIN), ["Biro Pemerintahan Setda Provinsi Banten"]),
    _a("biro-hukum", "Biro Hukum", "Biro Hukum", "biro", "neglectful", 0.3,
       _subs(LAIN), ["Biro Hukum Setda Banten"]),
    _a("biro-kesra", "Biro Kesejahteraan Rakyat", "Biro Kesra", "biro", "worsening", 0.5,
       _subs(SOS, "Bantuan Sosial") + _subs(PDK, "Beasiswa dan Bantuan Pendidikan"), ["Biro Kesra Setda Provinsi Banten"]),
    _a("biro-ekbang", "Biro Perekonomian dan Administrasi Pembangunan", "Biro Ekbang", "biro", "slow", 0.3,
       _subs(DAG, "Harga Bahan Pokok"), ["Biro Perekonomian Setda Banten"]),
    _a("biro-pbj", "Biro Pengadaan Barang dan Jasa", "Biro PBJ", "biro", "neglectful", 0.4,
       _subs(KORUPSI, "Pengadaan Barang dan Jasa"), ["Biro Barang dan Jasa Setda Banten", "UKPBJ Provinsi Banten"]),
    _a("biro-umum", "Biro Umum", "Biro Umum", "biro", "steady", 0.3,
       _subs(LAIN), ["Biro Umum Setda Provinsi Banten"]),
    _a("setwan", "Sekretariat DPRD", "Setwan", "lain", "slow", 0.3,
       _subs(LAIN), ["Sekretariat DPRD Provinsi Banten", "Setwan DPRD Banten"]),
)


@dataclass(frozen=True)
class RegionSpec:
    slug: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    weight: float  # share of reports from here, roughly by population
    places: tuple[str, ...] = field(default=())  # kecamatan used in texts
    roads: tuple[str, ...] = field(default=())
    coast: tuple[str, ...] = field(default=())  # coastal places; empty for a region without a coast


REGIONS: tuple[RegionSpec, ...] = (
    RegionSpec("kab-pandeglang", "Kabupaten Pandeglang", "kabupaten",
               ("Kab. Pandeglang", "Kab Pandeglang", "KABUPATEN PANDEGLANG", "Pandeglang"), 9,
               ("Labuan", "Menes", "Saketi", "Cibaliung", "Carita", "Cadasari", "Panimbang"),
               ("Jalan Raya Labuan-Carita", "Jalan Raya Saketi-Malingping", "Jalan Raya Pandeglang-Cipanas", "Jalan Raya Citeureup-Panimbang"),
               ("Labuan", "Panimbang", "Sumur", "Carita")),
    RegionSpec("kab-lebak", "Kabupaten Lebak", "kabupaten",
               ("Kab. Lebak", "Kab Lebak", "KABUPATEN LEBAK", "Lebak"), 9,
               ("Rangkasbitung", "Malingping", "Bayah", "Cipanas", "Leuwidamar", "Warunggunung", "Cilograng"),
               ("Jalan Raya Rangkasbitung-Citeras", "Jalan Raya Bayah-Cilograng", "Jalan Raya Malingping-Bayah", "Jalan Raya Cipanas-Warungbanten"),
               ("Bayah", "Binuangeun", "Malingping")),
    RegionSpec("kab-tangerang", "Kabupaten Tangerang", "kabupaten",
               ("Kab. Tangerang", "Kab Tangerang", "KABUPATEN TANGERANG"), 26,
               ("Balaraja", "Cikupa", "Tigaraksa", "Pasar Kemis", "Kresek", "Teluknaga", "Curug", "Legok"),
               ("Jalan Raya Serang-Balaraja", "Jalan Raya Kresek", "Jalan Raya Mauk", "Jalan Raya Legok-Parung Panjang"),
               ("Tanjung Pasir", "Mauk", "Kronjo")),
    RegionSpec("kab-serang", "Kabupaten Serang", "kabupaten",
               ("Kab. Serang", "Kab Serang", "KABUPATEN SERANG"), 11,
               ("Ciruas", "Kramatwatu", "Anyer", "Cikande", "Pabuaran", "Baros", "Petir"),
               ("Jalan Raya Anyer-Sirih", "Jalan Raya Palima-Pandeglang", "Jalan Raya Cikande-Rangkasbitung", "Jalan Raya Kramatwatu-Bojonegara"),
               ("Pontang", "Tirtayasa", "Anyer", "Bojonegara")),
    RegionSpec("kota-tangerang", "Kota Tangerang", "kota",
               ("Kota Tangerang", "KOTA TANGERANG", "Tangerang"), 16,
               ("Ciledug", "Karawaci", "Cipondoh", "Batuceper", "Periuk", "Jatiuwung"),
               ("Jalan Raya Gatot Subroto", "Jalan Daan Mogot", "Jalan KH Hasyim Ashari", "Jalan Raya Pajajaran")),
    RegionSpec("kota-cilegon", "Kota Cilegon", "kota",
               ("Kota Cilegon", "KOTA CILEGON", "Cilegon"), 4,
               ("Ciwandan", "Pulomerak", "Grogol", "Citangkil", "Jombang"),
               ("Jalan Raya Cilegon-Anyer", "Jalan Raya Merak", "Jalan Lingkar Selatan Cilegon"),
               ("Pulomerak", "Ciwandan")),
    RegionSpec("kota-serang", "Kota Serang", "kota",
               ("Kota Serang", "KOTA SERANG", "Serang"), 6,
               ("Cipocok Jaya", "Taktakan", "Kasemen", "Walantaka", "Curug", "Serang"),
               ("Jalan Raya Serang-Pandeglang", "Jalan Syeh Nawawi Al Bantani", "Jalan Raya Banten Lama", "Jalan Ciracas"),
               ("Karangantu", "Kasemen")),
    RegionSpec("kota-tangsel", "Kota Tangerang Selatan", "kota",
               ("Kota Tangsel", "Tangsel", "Tangerang Selatan", "KOTA TANGERANG SELATAN"), 19,
               ("Pamulang", "Ciputat", "Serpong", "Pondok Aren", "Setu", "Serpong Utara", "Ciputat Timur"),
               ("Jalan Raya Pamulang", "Jalan Raya Puspiptek", "Jalan Ciater Raya", "Jalan Raya Serpong")),
)

# Where a sub-category's reports can come from: farming and mining only in the kabupaten, the sea
# only where there is a coast.
RURAL_ONLY = {"Irigasi", "Pupuk Bersubsidi", "Harga Gabah", "Kesehatan Hewan", "Tambang Tanpa Izin",
              "Listrik Desa", "Penebangan Pohon", "Tanah Longsor"}
COASTAL_ONLY = {"Abrasi Pantai", "Bantuan Nelayan", "Tempat Pelelangan Ikan"}

AGENCY_BY_SLUG = {a.slug: a for a in AGENCIES}
REGION_BY_SLUG = {r.slug: r for r in REGIONS}
