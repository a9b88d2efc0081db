"""LAPOR! status words (DOMAIN.md) and the other small vocabularies of an export."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils import translation

from pantau.complaints.models import Channel, Kind, Status


def norm(text: str) -> str:
    """Lower case, letters and digits only, single spaces: how vocabularies are compared."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(text).lower()).split())


@dataclass(frozen=True)
class StatusReading:
    status: str
    agency_name: str = ""  # from "Terdisposisi ke <instansi>"
    auto_closed: bool = False


STATUS_WORDS = {
    "belum": Status.UNVERIFIED,
    "belum terverifikasi": Status.UNVERIFIED,
    "belum diverifikasi": Status.UNVERIFIED,
    "menunggu verifikasi": Status.UNVERIFIED,
    "baru": Status.UNVERIFIED,
    # Disposed but no answer yet: the agency's follow-up clock is running.
    "belum ditindaklanjuti": Status.DISPOSED,
    "terdisposisi": Status.DISPOSED,
    "disposisi": Status.DISPOSED,
    "proses": Status.IN_PROCESS,
    "diproses": Status.IN_PROCESS,
    "dalam proses": Status.IN_PROCESS,
    "ditindaklanjuti": Status.FOLLOWED_UP,
    "ditindaklanjuti oleh instansi": Status.FOLLOWED_UP,
    "sudah ditindaklanjuti": Status.FOLLOWED_UP,
    "ditanggapi oleh pelapor": Status.REPORTER_REPLIED,
    "ditanggapi pelapor": Status.REPORTER_REPLIED,
    "selesai": Status.COMPLETED,
    "tunda": Status.POSTPONED,
    "ditunda": Status.POSTPONED,
    "arsip": Status.ARCHIVED,
    "diarsipkan": Status.ARCHIVED,
    "bukan wewenang": Status.NOT_AUTHORISED,
}
AUTO_CLOSED_WORDS = {"selesai otomatis", "selesai secara otomatis", "otomatis selesai"}
DISPOSED_PREFIX = re.compile(r"^\s*(?:terdisposisi|didisposisikan|disposisi)\s+(?:kepada|ke)\b\s*:?\s*(.+)$", re.I)


def own_words(choices) -> dict[str, str]:
    """Pantau's own codes and labels (English and Indonesian) of a choices class: its exports import back."""
    words = {}
    for language in ("en", "id"):
        with translation.override(language):
            for value, label in choices.choices:
                words.setdefault(norm(value), value)
                words.setdefault(norm(str(label)), value)
    return words


OWN_STATUS_WORDS = own_words(Status)


def read_status(text: str) -> StatusReading | None:
    """The status (and agency, for "Terdisposisi ke X") of a status cell; None when unknown."""
    match = DISPOSED_PREFIX.match(str(text))
    if match and match[1].strip():
        return StatusReading(Status.DISPOSED, agency_name=match[1].strip())
    key = norm(text)
    if key in AUTO_CLOSED_WORDS:
        return StatusReading(Status.COMPLETED, auto_closed=True)
    status = STATUS_WORDS.get(key) or OWN_STATUS_WORDS.get(key)
    return StatusReading(status) if status else None


KIND_WORDS = {
    "pengaduan": (Kind.PENGADUAN, False),
    "keluhan": (Kind.PENGADUAN, False),
    "aspirasi": (Kind.ASPIRASI, False),
    "saran": (Kind.ASPIRASI, False),
    "permintaan informasi": (Kind.INFORMASI, False),
    "informasi": (Kind.INFORMASI, False),
    "permohonan informasi": (Kind.INFORMASI, False),
    # Reports about abuse by officials: resolved within 60 working days (PermenPANRB 62/2018).
    "pengaduan berkadar pengawasan": (Kind.PENGADUAN, True),
    "berkadar pengawasan": (Kind.PENGADUAN, True),
    "whistle blowing": (Kind.PENGADUAN, True),
    "whistleblowing": (Kind.PENGADUAN, True),
    "wbs": (Kind.PENGADUAN, True),
}
for _word, _value in own_words(Kind).items():
    KIND_WORDS.setdefault(_word, (_value, False))


def read_kind(text: str) -> tuple[str, bool] | None:
    """(kind, supervisory) of a classification cell; None when unknown."""
    return KIND_WORDS.get(norm(text))


CHANNEL_WORDS = {
    "website": Channel.WEBSITE, "web": Channel.WEBSITE, "situs": Channel.WEBSITE,
    "lapor go id": Channel.WEBSITE, "www lapor go id": Channel.WEBSITE,
    "sms": Channel.SMS, "sms 1708": Channel.SMS, "1708": Channel.SMS,
    "aplikasi": Channel.APP, "app": Channel.APP, "android": Channel.APP, "ios": Channel.APP,
    "aplikasi android": Channel.APP, "aplikasi ios": Channel.APP, "mobile": Channel.APP,
    "android ios": Channel.APP, "aplikasi mobile": Channel.APP,
    "twitter": Channel.TWITTER, "x": Channel.TWITTER, "twitter x": Channel.TWITTER,
    "lapor1708": Channel.TWITTER, "twitter lapor1708": Channel.TWITTER,
    "whatsapp": Channel.WHATSAPP, "wa": Channel.WHATSAPP,
    "kanal daerah": Channel.REGIONAL, "kanal terintegrasi": Channel.REGIONAL,
    "integrasi": Channel.REGIONAL, "kanal integrasi daerah": Channel.REGIONAL,
    "media sosial": Channel.SOCIAL_MEDIA, "facebook": Channel.SOCIAL_MEDIA,
    "instagram": Channel.SOCIAL_MEDIA, "medsos": Channel.SOCIAL_MEDIA,
    "lainnya": Channel.OTHER, "lain lain": Channel.OTHER,
}
for _word, _value in own_words(Channel).items():
    CHANNEL_WORDS.setdefault(_word, _value)


def read_channel(text: str) -> str | None:
    """The channel of a "Kanal"/"Sumber" cell; None when unknown."""
    return CHANNEL_WORDS.get(norm(text))


TRUE_WORDS = {"ya", "y", "yes", "true", "1", "benar", "anonim", "rahasia", "v", "x"}
FALSE_WORDS = {"tidak", "t", "n", "no", "false", "0", "salah", "bukan", "publik", "umum"}


def read_bool(value) -> bool | None:
    """True/False of a yes-no cell (Ya/Tidak, 1/0, TRUE/FALSE); None when unknown."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0 if value in (0, 1) else None
    key = norm(value)
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    return None


def read_privacy(text: str) -> tuple[bool, bool] | None:
    """(anonymous, secret) of a "Sifat"/"Privasi" cell: Publik, Anonim or Rahasia."""
    key = norm(text)
    if key in {"publik", "umum", "biasa", "terbuka", "public"}:
        return (False, False)
    if key in {"anonim", "anonymous", "anonimus"}:
        return (True, False)
    if key in {"rahasia", "secret", "privat", "private", "tertutup"}:
        return (False, True)
    return None
