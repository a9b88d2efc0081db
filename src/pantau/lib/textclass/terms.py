"""Terms, two-word phrases and hashtags of Indonesian text, with stop words removed.

The stop-word list is Pantau's own: function words of Indonesian (and a few English and social-media
ones) that carry no topic. It is written here, not copied from any published list.
"""

import re
from collections import Counter
from collections.abc import Iterable

from pantau.lib.textclass.normalize import normalize

STOP_WORDS = frozenset("""
ada adalah adanya agar akan akhirnya aku akan anda antara apa apabila apakah atas atau bagai bagaimana
bagi bahkan bahwa baik banyak baru beberapa begini begitu belum benar berada berbagai berikut
bersama besar bila bisa boleh bukan bukankah cara dalam dan dapat dari daripada demi dengan di dia
dialah diri dirinya dulu dua hal hampir hanya harus hari ini itu ialah ini inilah itu itulah jadi
jangan jika juga jumlah kalau kali kami kamu kan karena kata ke kecil kemudian kenapa kepada
ketika kini kita lagi lain lalu lama lebih maka mana masih masing mau melalui memang mengapa
menjadi menurut mereka merupakan meski milik mungkin namun nanti nya oleh pada padahal para per
perlu pula pun saat saja salah sama sampai sangat satu saya se sebagai sebelum sedang sedangkan
segera sehingga sejak sekali sekarang semua sendiri seperti serta sesuai setelah setiap siapa
sudah supaya tadi tanpa tapi telah tentang tersebut tetapi tiga tidak toh untuk usai waktu yaitu
yakni yang ya yg kok sih deh dong lah kah pak bu bapak ibu mas mbak kak gan bang
xurl xuser the a an and or of to in on for is are was be with this that it at by from rt via amp
0 haha wah oh eh ayo yuk hal pula tuh nih aja banget belum akan kata
""".split())

_HASHTAG = re.compile(r"#(\w{2,})")


def words(text: str) -> list[str]:
    """Return the normalised words of `text` that are not stop words (two letters or more)."""
    return [w for w in normalize(text).split() if len(w) > 1 and w not in STOP_WORDS and w not in "!?"]


def phrases(text: str) -> list[str]:
    """Return the two-word phrases of `text` whose words are both kept by `words` and adjacent."""
    tokens = normalize(text).split()
    return [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)
            if a not in STOP_WORDS and b not in STOP_WORDS and len(a) > 1 and len(b) > 1
            and a not in "!?" and b not in "!?"]


def hashtags(text: str) -> list[str]:
    return [f"#{h.lower()}" for h in _HASHTAG.findall(text or "")]


def count(texts: Iterable[str], kind: str = "words") -> Counter:
    """Count each text's terms once (document frequency) for kind words, phrases or hashtags."""
    extract = {"words": words, "phrases": phrases, "hashtags": hashtags}[kind]
    counter: Counter = Counter()
    for text in texts:
        counter.update(set(extract(text)))
    return counter


def new_terms(recent: Iterable[str], earlier: Iterable[str], ratio: float, top: int = 8,
              min_count: int = 3) -> list[tuple[str, int]]:
    """Return the terms most over-represented in `recent` against `earlier` (whose counts are
    divided by `ratio`, the baseline's length in windows), as (term, recent count)."""
    now, before = count(recent), count(earlier)
    scored = [(term, n, (n + 1) / (before[term] / ratio + 1)) for term, n in now.items() if n >= min_count]
    scored.sort(key=lambda row: (-row[2], -row[1], row[0]))
    return [(term, n) for term, n, lift in scored[:top] if lift > 1.5]
