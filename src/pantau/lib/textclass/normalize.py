"""Normalisation of informal Indonesian text before classification.

Social-media Indonesian spells the same word many ways ("gak", "ga", "nggak", "tdk" all mean
"tidak"); mapping them to one form lets a model trained on reviews recognise them in tweets.
The slang map below is written for Pantau, from common usage; it is not taken from any list.
"""

import re
import unicodedata

_URL = re.compile(r"(https?://\S+|www\.\S+)")
_USER = re.compile(r"(@\w+|\[username\])")
_HASHTAG = re.compile(r"#(\w+)")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_REPEAT = re.compile(r"(\w)\1{2,}")
_REDUP = re.compile(r"\b([a-z]{2,})2\b")
_TOKEN = re.compile(r"[a-z0-9_]+(?:-[a-z0-9_]+)*|[!?]")

# Informal spelling -> standard word. Kept to words whose meaning is unambiguous.
SLANG = {
    # negation
    "gak": "tidak", "ga": "tidak", "gk": "tidak", "nggak": "tidak", "ngga": "tidak",
    "enggak": "tidak", "engga": "tidak", "kagak": "tidak", "tdk": "tidak", "tak": "tidak",
    "g": "tidak", "ndak": "tidak", "gaada": "tidak ada", "gada": "tidak ada",
    "blm": "belum", "blom": "belum", "bukan2": "bukan", "jgn": "jangan", "jangn": "jangan",
    # intensifiers and degree
    "bgt": "banget", "bngt": "banget", "bgd": "banget", "bener": "benar", "bnr": "benar",
    "sngt": "sangat", "sgt": "sangat", "aja": "saja", "aj": "saja", "ajah": "saja",
    "doang": "saja", "lbh": "lebih", "krg": "kurang", "kurg": "kurang", "bnyk": "banyak",
    "byk": "banyak", "dikit": "sedikit", "sdkt": "sedikit", "skali": "sekali", "bgitu": "begitu",
    # function words
    "yg": "yang", "dgn": "dengan", "dg": "dengan", "sm": "sama", "ama": "sama", "dr": "dari",
    "dri": "dari", "utk": "untuk", "untk": "untuk", "buat": "untuk", "krn": "karena",
    "karna": "karena", "krna": "karena", "soalnya": "karena", "tp": "tapi", "tpi": "tapi",
    "tetep": "tetap", "jd": "jadi", "jdi": "jadi", "klo": "kalau", "kalo": "kalau",
    "kl": "kalau", "kalu": "kalau", "sy": "saya", "aku": "saya", "gue": "saya", "gw": "saya",
    "gua": "saya", "ane": "saya", "km": "kamu", "lu": "kamu", "lo": "kamu", "loe": "kamu",
    "elo": "kamu", "kmu": "kamu", "kyk": "seperti", "kayak": "seperti", "kek": "seperti",
    "kaya": "seperti", "spt": "seperti", "sprti": "seperti", "udah": "sudah", "udh": "sudah",
    "dah": "sudah", "sdh": "sudah", "uda": "sudah", "lg": "lagi", "lgi": "lagi", "sll": "selalu",
    "sllu": "selalu", "trs": "terus", "trus": "terus", "emg": "memang", "emang": "memang",
    "mmg": "memang", "bs": "bisa", "bsa": "bisa", "gimana": "bagaimana", "gmn": "bagaimana",
    "gmna": "bagaimana", "knp": "kenapa", "napa": "kenapa", "ngapain": "mengapa", "org": "orang",
    "orng": "orang", "skrg": "sekarang", "skrng": "sekarang", "sekarng": "sekarang",
    "hrs": "harus", "msh": "masih", "masi": "masih", "pd": "pada", "dlm": "dalam",
    "tsb": "tersebut", "dll": "dan lain-lain", "dsb": "dan sebagainya", "jg": "juga",
    "jga": "juga", "sj": "saja", "ttg": "tentang", "spy": "supaya", "biar": "supaya",
    "tau": "tahu", "tahu2": "tahu", "liat": "lihat", "ngeliat": "melihat", "liatin": "lihat",
    "dpt": "dapat", "dapet": "dapat", "pake": "pakai", "pakek": "pakai", "bikin": "membuat",
    "bkin": "membuat", "ngasih": "memberi", "kasi": "kasih", "nunggu": "menunggu",
    "nungguin": "menunggu", "ngurus": "mengurus", "ngomong": "bicara", "bilang": "berkata",
    "mau": "ingin", "pengen": "ingin", "pingin": "ingin", "pgn": "ingin", "tgl": "tanggal",
    "thn": "tahun", "bln": "bulan", "hr": "hari", "mgg": "minggu", "jam2": "jam",
    "sampe": "sampai", "smpe": "sampai", "smp": "sampai", "ampe": "sampai", "bbrp": "beberapa",
    "sdikit": "sedikit", "tmn": "teman", "temen": "teman", "ortu": "orang tua",
    "pemkot": "pemerintah kota", "pemkab": "pemerintah kabupaten", "pemprov": "pemerintah provinsi",
    "pemda": "pemerintah daerah", "pem": "pemerintah",
    # evaluation words
    "mantap": "mantap", "mantul": "mantap", "mantab": "mantap", "mantep": "mantap",
    "josss": "mantap", "jos": "mantap", "top": "bagus", "keren": "bagus", "ok": "oke",
    "oke": "oke", "okay": "oke", "good": "bagus", "nice": "bagus", "recommended": "rekomendasi",
    "rekomen": "rekomendasi", "recomended": "rekomendasi", "enakk": "enak", "uenak": "enak",
    "jelek": "buruk", "jlk": "buruk", "parah": "parah", "ancur": "hancur", "payah": "payah",
    "lemot": "lambat", "lelet": "lambat", "lama": "lama", "mahal": "mahal", "murmer": "murah",
    "kecewa": "kecewa", "kcewa": "kecewa", "kesel": "kesal", "sebel": "sebal",
    "bete": "kesal", "marah2": "marah", "makasih": "terima kasih", "mksh": "terima kasih",
    "makasi": "terima kasih", "trims": "terima kasih", "thx": "terima kasih",
    "thanks": "terima kasih", "tks": "terima kasih", "maaci": "terima kasih",
    "sorry": "maaf", "sori": "maaf", "mf": "maaf", "plis": "tolong", "please": "tolong",
    "pls": "tolong", "mohon": "mohon", "cepet": "cepat", "cpt": "cepat", "ramah2": "ramah",
    "bagus2": "bagus", "banget2": "banget", "sip": "bagus", "asik": "asyik", "asyik": "asyik",
    "seneng": "senang", "sneng": "senang", "sedih2": "sedih", "takut2": "takut",
    "ngeri": "takut", "serem": "seram", "kangen": "rindu", "sayang2": "sayang",
    "wkwk": "haha", "wkwkwk": "haha", "wk": "haha", "hehe": "haha", "hihi": "haha",
    "xixi": "haha", "awokwok": "haha",
}


def normalize(text: str) -> str:
    """Return `text` lowercased, with URLs, user names and numbers replaced by placeholders,
    letters repeated three or more times cut to two, and slang mapped to standard words."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = _URL.sub(" xurl ", text)
    text = _USER.sub(" xuser ", text)
    text = _HASHTAG.sub(r" \1 ", text)
    # Reduplication written with a digit: "jalan2" means "jalan-jalan".
    text = _REDUP.sub(r"\1-\1", text)
    text = _NUMBER.sub(" 0 ", text)
    text = _REPEAT.sub(r"\1\1", text)
    words = []
    for token in _TOKEN.findall(text):
        token = SLANG.get(token, token)
        if "-" in token:
            parts = token.split("-")
            if len(parts) == 2 and parts[0] == parts[1]:
                token = "-".join(SLANG.get(p, p) for p in parts)
        words.append(token)
    return " ".join(words)
