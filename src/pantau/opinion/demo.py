"""Deterministic demo data for opinion monitoring: three Banten topics, sources of several kinds and
~50,000 generated Indonesian mentions (2024-01-01 .. 2025-06-30) with a daily rhythm, weekday
peaks, syndicated news copies, mixed sentiment and one clear spike per topic. Every mention goes
through the real pipeline, so clusters, topics, languages and regions are computed, not invented.
"""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction

from .models import FetchRun, Source, Topic
from .pipeline import Pipeline
from .sources.base import Item

WIB = ZoneInfo("Asia/Jakarta")
START, END = date(2024, 1, 1), date(2025, 6, 30)

TOPICS = [
    ("Pelayanan Publik Pemprov Banten", "pelayanan-publik",
     '(pelayanan OR layanan OR samsat OR pungli OR perizinan OR "mal pelayanan" OR dukcapil OR ktp) '
     'AND (banten OR pemprov OR gubernur OR provinsi OR serang OR tangerang OR tangsel OR cilegon OR lebak OR pandeglang)',
     '"jawa barat" OR jabar'),
    ("Jalan dan Infrastruktur", "jalan-infrastruktur",
     '(jalan NEAR/3 (rusak OR berlubang OR ambles OR longsor OR perbaikan OR betonisasi OR "tambal sulam")) '
     'OR jembatan OR "jalan provinsi" OR drainase OR title:infrastruktur',
     '"jalan jalan" OR kuliner'),
    ("Layanan Kesehatan dan RSUD", "kesehatan-rsud",
     'rsud OR puskesmas OR bpjs OR "rumah sakit" OR dokter OR pasien OR "layanan kesehatan" OR obat*',
     '"rsud jakarta"'),
]
OUTLETS = [("Warta Banten", "wartabanten.contoh.id"), ("Kabar Serang", "kabarserang.contoh.id"),
           ("Tangsel Pos", "tangselpos.contoh.id"), ("Lebak Terkini", "lebakterkini.contoh.id"),
           ("Cilegon News", "cilegonnews.contoh.id")]
PLACES = ["Malingping", "Rangkasbitung", "Pandeglang", "Labuan", "Cikande", "Anyer", "Kota Serang", "Cilegon",
          "Pamulang", "Ciputat", "Kab. Tangerang", "Tigaraksa", "Balaraja", "Kota Tangerang", "Cipondoh", "Bayah",
          "Kramatwatu", "Tangsel", "Lebak", "Kabupaten Serang", "Merak", "Serpong"]

# topic -> subjects (what the mention is about)
SUBJECTS = {
    "pelayanan-publik": ["pelayanan Samsat", "layanan perizinan", "Mal Pelayanan Publik", "pelayanan KTP elektronik di Dukcapil",
                         "layanan pengaduan Pemprov Banten", "pelayanan pajak kendaraan", "layanan informasi publik Pemprov"],
    "jalan-infrastruktur": ["jalan provinsi", "jembatan penghubung desa", "drainase jalan", "jalan rusak",
                            "perbaikan jalan", "jalan berlubang", "betonisasi jalan"],
    "kesehatan-rsud": ["RSUD Banten", "RSUD Malingping", "puskesmas", "layanan BPJS di rumah sakit", "antrean pasien",
                       "ketersediaan obat di puskesmas", "pelayanan dokter spesialis"],
}
OPINIONS = {
    "positive": ["kini jauh lebih cepat dan ramah, warga puas", "sudah membaik, terima kasih Pemprov Banten",
                 "patut diapresiasi karena prosesnya mudah", "berjalan lancar dan petugasnya sigap membantu",
                 "mendapat pujian warga karena tuntas dalam sehari"],
    "neutral": ["dijadwalkan dibahas dalam rapat pekan depan", "menjadi perhatian dinas terkait",
                "dijelaskan oleh pejabat setempat kepada wartawan", "akan dievaluasi pada triwulan berikutnya",
                "dipantau oleh tim dari provinsi"],
    "negative": ["dikeluhkan warga karena lambat dan berbelit", "membuat warga kecewa dan marah",
                 "tak kunjung diperbaiki meski sudah dilaporkan berkali-kali", "dinilai buruk, antre berjam-jam tanpa kepastian",
                 "membahayakan dan sudah memakan korban", "diduga ada pungutan liar"],
}
CLOSERS = ["Warga berharap ada tindak lanjut segera.", "Pemerintah Provinsi Banten menyatakan akan menindaklanjuti laporan tersebut.",
           "Hingga berita ini diturunkan, belum ada tanggapan resmi.", "Kepala dinas terkait berjanji turun langsung ke lapangan.",
           "Sejumlah warga juga menyampaikan keluhan melalui SP4N-LAPOR!.", "DPRD Banten meminta evaluasi menyeluruh."]
NOISE = ["Resep sambal khas Pandeglang yang wajib dicoba akhir pekan ini",
         "Persita Tangerang menang tipis di laga kandang semalam", "Festival budaya Baduy kembali digelar tahun ini",
         "Harga cabai di pasar tradisional Rangkasbitung naik lagi", "Konser musik di Serpong dipadati penonton",
         "Wisata pantai Anyer ramai pengunjung saat libur panjang", "The Banten provincial team won the regional football cup"]
SPIKES = {  # topic -> (first day, days, extra mentions, story)
    "jalan-infrastruktur": (date(2025, 2, 10), 4, 2200, "Jalan provinsi ambles di Cikande, truk terperosok dan lalu lintas lumpuh"),
    "kesehatan-rsud": (date(2024, 8, 19), 4, 1600, "Pasien BPJS ditolak RSUD Banten karena kamar penuh, keluarga mengamuk"),
    "pelayanan-publik": (date(2024, 11, 4), 4, 1500, "Video pungli di layanan Samsat viral, warga diminta bayar di luar tarif"),
}
TAGS = {"pelayanan-publik": [" #Samsat", " #PelayananPublik"], "jalan-infrastruktur": [" #jalanrusak", " #infrastruktur"],
        "kesehatan-rsud": [" #RSUD", " #BPJS"]}
HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 4, 7, 9, 9, 8, 7, 7, 8, 7, 6, 6, 6, 7, 9, 9, 7, 4, 2]


@dataclass
class DemoResult:
    topics: int
    sources: int
    fetched: int
    stored: int


def ensure_topics_and_sources() -> tuple[dict[str, Topic], dict[str, Source]]:
    """The demo topics and sources (created once, looked up by slug and name afterwards)."""
    topics = {}
    for name, slug, query, exclusions in TOPICS:
        topics[slug], _ = Topic.objects.get_or_create(slug=slug, defaults={"name": name, "query": query, "exclusions": exclusions})
    specs = [(name, "rss", f"https://{domain}/rss", {}, "") for name, domain in OUTLETS]
    specs += [
        ("Google Berita: jalan rusak Banten", "news_search", "", {}, ""),
        ("YouTube: Banten", "youtube", "", {"q": "banten jalan rusak OR rsud OR samsat"}, "PANTAU_YOUTUBE_API_KEY"),
        ("X: keluhan warga Banten", "x", "", {"q": "(banten OR pemprov) (jalan OR rsud OR samsat) lang:id -is:retweet"}, "PANTAU_X_BEARER_TOKEN"),
        ("Mastodon #banten", "mastodon", "https://mastodon.social", {"hashtag": "banten"}, ""),
        ("SP4N-LAPOR! Banten", "lapor", "", {}, ""),
    ]
    sources = {}
    for name, kind, url, config, env in specs:
        # Generated outlets do not exist: their sources stay paused so no worker fetches them.
        sources[name], _ = Source.objects.get_or_create(name=name, defaults={
            "kind": kind, "url": url, "config": config, "credential_env": env, "interval_minutes": 30 if kind == "rss" else 60,
            "active": kind == "lapor", "status": Source.Status.PAUSED if kind != "lapor" else Source.Status.NEW})
    for topic in topics.values():
        topic.sources.set([s for s in sources.values() if s.kind != "news_search"])
    sources["Google Berita: jalan rusak Banten"].topics.add(topics["jalan-infrastruktur"])
    return topics, sources


class Generator:
    def __init__(self, seed: int, sources: dict[str, Source]):
        self.rng = random.Random(seed)
        self.sources = sources
        self.by_kind = {s.kind: s for s in sources.values()}
        self.outlets = [sources[name] for name, _ in OUTLETS]
        self.seq = 0
        self.days = [(START + timedelta(d)) for d in range((END - START).days + 1)]
        self.day_weights = [(1.25 if d.weekday() < 5 else 0.7) * (1 + 0.25 * ((d - START).days / len(self.days)))
                            for d in self.days]

    def moment(self, day: date | None = None) -> datetime:
        day = day or self.rng.choices(self.days, self.day_weights)[0]
        hour = self.rng.choices(range(24), HOUR_WEIGHTS)[0]
        local = datetime(day.year, day.month, day.day, hour, self.rng.randrange(60), self.rng.randrange(60), tzinfo=WIB)
        return local.astimezone(UTC)

    def sentence(self, topic: str, mood: str, subject: str | None = None) -> tuple[str, str]:
        rng = self.rng
        subject = subject or rng.choice(SUBJECTS[topic])
        place = rng.choice(PLACES)
        title = f"{subject[0].upper()}{subject[1:]} di {place} {rng.choice(OPINIONS[mood])}"
        return title, place

    def mentions(self, target: int):
        """(source, Item) pairs in time order, about `target` in all (syndicated copies included)."""
        produced = []
        for topic, (first, days, extra, story) in SPIKES.items():
            for _ in range(extra * target // 50_000):
                day = first + timedelta(days=min(days - 1, int(self.rng.expovariate(1.2))))
                produced.extend(self._one(self.moment(day), topic=topic, story=story, mood="negative"))
        while len(produced) < target:
            produced.extend(self._one(self.moment()))
        produced.sort(key=lambda si: si[1].published_at)
        return produced

    def _one(self, when: datetime, topic: str | None = None, story: str | None = None, mood: str | None = None):
        rng = self.rng
        self.seq += 1
        if topic is None and rng.random() < 0.08:
            return [(self.by_kind["x"], self._post("x", rng.choice(NOISE), when, None, "neutral"))]
        topic = topic or rng.choice(["pelayanan-publik", "jalan-infrastruktur", "kesehatan-rsud"])
        mood = mood or rng.choices(["positive", "neutral", "negative"], [22, 38, 40])[0]
        title, place = self.sentence(topic, mood)
        if story:
            title = f"{story}, warga {place} ikut bersuara" if rng.random() < 0.5 else story
        kind = rng.choices(["news", "x", "youtube", "mastodon"], [38, 40, 11, 11])[0]
        if kind == "news":
            return self._article(topic, mood, title, place, when)
        if kind == "youtube":
            return [(self.by_kind["youtube"], self._video(title, when))]
        return [(self.by_kind[kind], self._post(kind, title, when, topic, mood))]

    def _article(self, topic, mood, title, place, when):
        rng = self.rng
        body = " ".join([
            f"{title}.", f"Menurut keterangan warga {place}, kondisi ini sudah berlangsung sejak {rng.randint(2, 30)} hari lalu.",
            f"Persoalan {rng.choice(SUBJECTS[topic])} {rng.choice(OPINIONS[mood])}.",
            f"Seorang warga bernama {rng.choice(['Asep', 'Siti', 'Dedi', 'Rohmah', 'Ujang', 'Nur'])} mengatakan kepada wartawan bahwa "
            f"{rng.choice(SUBJECTS[topic])} {rng.choice(OPINIONS[rng.choice(['neutral', mood])])}.",
            *rng.sample(CLOSERS, 2),
        ])
        outlets = rng.sample(self.outlets, k=1 + (rng.random() < 0.35) * rng.randint(1, 3))
        out = []
        for i, outlet in enumerate(outlets):
            text = body if i == 0 else body.replace("kepada wartawan", "kepada media ini") + f" ({outlet.name})"
            slug = f"{self.seq}-{i}-" + "-".join(title.lower().split()[:6])
            domain = dict(OUTLETS)[outlet.name]
            out.append((outlet, Item(
                kind="news", title=title, text=text, url=f"https://{domain}/berita/{when:%Y/%m/%d}/{slug}?utm_source=rss",
                author=rng.choice(["Redaksi", "Rina Marlina", "Ahmad Fauzi", "Dewi Lestari", "Yudi Pratama"]), site=domain,
                published_at=when + timedelta(minutes=35 * i + rng.randrange(30) * (i > 0)), views=rng.randint(200, 20000),
            )))
        return out

    def _post(self, kind: str, title: str, when: datetime, topic: str | None, mood: str) -> Item:
        rng = self.rng
        tags = rng.choice(["", " #Banten", " #PemprovBanten", " #LAPOR1708", *TAGS.get(topic, [])])
        opener = rng.choice({"positive": ["", "Alhamdulillah, ", "Mantap! "], "neutral": ["", "Info: ", "Update: "],
                             "negative": ["", "Parah. ", "Mohon perhatian @PemprovBanten. ", "Kecewa. "]}[mood])
        detail = rng.choice(["tadi pagi", "kemarin sore", "sejak {n} hari lalu", "sudah {n} kali lapor", "jam {h}.{m:02d} tadi",
                             "antre {n} jam", "{n} minggu terakhir", "hari ke-{n}"]).format(
            n=rng.randint(2, 40), h=rng.randint(6, 22), m=rng.randrange(0, 60, 5))
        text = opener + f"{title}, {detail}." + tags
        user = f"{rng.choice(['warga', 'info', 'kabar', 'bang', 'neng'])}{rng.choice(['serang', 'lebak', 'tangsel', 'banten', 'cilegon'])}{rng.randint(1, 400)}"
        if kind == "x":
            ident = str(1_700_000_000_000_000_000 + self.seq)
            url = f"https://x.com/{user}/status/{ident}"
        else:
            ident = f"1100{self.seq:012d}"
            url = f"https://mastodon.social/@{user}/{ident}"
        likes = int(rng.paretovariate(1.3)) * rng.randint(1, 8)
        return Item(kind=kind, text=text, url=url, external_id=ident, author=f"@{user}", published_at=when,
                    likes=likes, shares=likes // rng.randint(3, 10), comments=likes // rng.randint(2, 8),
                    reach=int(rng.paretovariate(1.1) * 150))

    def _video(self, title: str, when: datetime) -> Item:
        rng = self.rng
        ident = f"demo{self.seq:07d}"
        channel = rng.choice(["Banten Hari Ini", "Vlog Lebak", "Info Tangsel TV", "Kabar Cilegon Channel"])
        return Item(kind="youtube", title=title.upper() if rng.random() < 0.3 else title,
                    text=f"Liputan {channel}: {title}. Jangan lupa subscribe.", url=f"https://www.youtube.com/watch?v={ident}",
                    external_id=ident, author=channel, site="youtube.com", published_at=when,
                    views=int(rng.paretovariate(1.2) * 300), likes=rng.randint(0, 900), comments=rng.randint(0, 200))


def seed(seed: int = 1, target: int = 50_000) -> DemoResult:
    """Create the demo topics, sources and mentions; running it again adds nothing new."""
    topics, sources = ensure_topics_and_sources()
    produced = Generator(seed, sources).mentions(target)
    pipeline = Pipeline()
    stored = 0
    by_source: dict[int, list] = {}
    with transaction.atomic():
        # Small time-ordered chunks keep syndicated copies from all outlets within the story window.
        for i in range(0, len(produced), 600):
            chunk = produced[i:i + 600]
            for source in {s.pk: s for s, _ in chunk}.values():
                result = pipeline.ingest(source, [item for s, item in chunk if s.pk == source.pk])
                stored += result.new
                by_source.setdefault(source.pk, []).append(result)
        _demo_runs(sources, by_source)
    return DemoResult(len(topics), len(sources), len(produced), stored)


def _demo_runs(sources: dict[str, Source], by_source: dict[int, list]) -> None:
    """One FetchRun per source summarizing what the demo stored, so source pages have history."""
    finished = datetime(2025, 6, 30, 23, 0, tzinfo=UTC)
    for source in sources.values():
        results = by_source.get(source.pk)
        if not results or source.runs.exists():
            continue
        FetchRun.objects.create(source=source, started_at=finished - timedelta(minutes=2), finished_at=finished,
                                fetched=sum(r.fetched for r in results), new=sum(r.new for r in results),
                                duplicates=sum(r.duplicates for r in results))
        Source.objects.filter(pk=source.pk).update(last_run_at=finished, last_success_at=finished)
