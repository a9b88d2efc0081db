"""Indonesian formatting for text that leaves the web page (PDF, DOCX, CLI, e-mail):
numbers "1.234", shares "56,7%", dates "31 Maret 2024", times in WIB."""

from datetime import date, datetime

from pantau.lib.periods import MONTHS_ID, WIB


def number(n: int | float | None, decimals: int = 0) -> str:
    if n is None:
        return "–"
    text = f"{n:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def percent(share: float | None, decimals: int = 1) -> str:
    """A share given as 0..1 or as a percentage already? Always 0..100 here: 56.7 -> "56,7%"."""
    if share is None:
        return "–"
    return f"{number(share, decimals)}%"


def day(d: date | datetime | None) -> str:
    if d is None:
        return "–"
    if isinstance(d, datetime):
        d = d.astimezone(WIB).date()
    return f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}"


def moment(dt: datetime | None) -> str:
    """"12 Maret 2024 14.05 WIB"."""
    if dt is None:
        return "–"
    local = dt.astimezone(WIB)
    return f"{day(local)} {local:%H.%M} WIB"
