"""Normalizing mentions: canonical URLs, identity and content hashes, language."""

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .query import words

# Query parameters that only track the click; the article is the same without them.
_TRACKING = {"fbclid", "gclid", "igshid", "mc_cid", "mc_eid", "ref", "ref_src", "amp", "_ga", "outputtype"}
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")


def canonical_url(url: str) -> str:
    """One spelling per article: https, no www./m./amp. host prefix, no tracking parameters,
    no fragment, no /amp variant, no trailing slash; '' for something that is not a web address."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    host = parts.hostname.lower().rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = parts.path or "/"
    for suffix in ("/amp/", "/amp", ".amp"):
        if path.endswith(suffix):
            path = path[: -len(suffix)] or "/"
    if path.startswith("/amp/"):
        path = path[4:]
    path = path.rstrip("/") or ""
    params = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
              if not k.lower().startswith("utm_") and k.lower() not in _TRACKING]
    return urlunsplit(("https", host, path, urlencode(sorted(params)), ""))


def site_of(url: str) -> str:
    """The host of a URL without www. ('' when there is none)."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def content_hash(tokens: list[str]) -> str:
    """Hash of the words of title and text: equal for copies that differ only in case,
    punctuation or spacing."""
    return sha1(" ".join(tokens))


def identity_key(kind: str, canonical: str, external_id: str, content: str) -> str:
    """The identity of an item: its canonical URL, else its ID at the source, else its content."""
    if canonical:
        return sha1("u:" + canonical)
    if external_id:
        return sha1(f"i:{kind}:{external_id}")
    return sha1("c:" + content)


# Frequent function words written for this detector (not taken from any list).
_ID_WORDS = frozenset("""yang dan di ke dari ini itu dengan untuk tidak ada pada akan juga sudah
dalam atau karena oleh saya kami kita mereka bisa telah masih lebih harus belum agar serta
bagi tersebut namun para sangat saat hingga antara seperti kata warga pemerintah jalan banyak
apa kenapa gak nggak tak dgn yg utk tdk sdh jg aja kalau kalo bahwa adalah menjadi dapat
sekali banget bgt lagi buat jadi sama mau orang baru baik semua hari tempat pak bu ya nya sih
deh dong kok udah sudah lah tapi tetapi juga pun kan saja hanya cuma kurang cukup paling""".split())
_EN_WORDS = frozenset("""the and of to in is that for it with as was on are be this by at from
have has not but or an they which you were their been more will would there can about after
its also who what when new said people than into over only other""".split())


def detect_language(tokens: list[str]) -> str:
    """'id', 'en' or 'other' by counting frequent function words of each language."""
    id_hits = en_hits = 0
    for token in tokens:
        if token in _ID_WORDS:
            id_hits += 1
        elif token in _EN_WORDS:
            en_hits += 1
    if id_hits == en_hits:
        return "other" if id_hits == 0 or len(tokens) < 3 else "id"
    return "id" if id_hits > en_hits else "en"


def tokens_of(title: str, text: str) -> list[str]:
    return words(title) + words(text)
