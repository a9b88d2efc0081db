"""Pagination that stays fast at a million rows: the count stops at a cap."""

from dataclasses import dataclass

COUNT_CAP = 10_000
PAGE_SIZE = 50


@dataclass
class Page:
    rows: list
    number: int
    count: int          # exact when not capped
    capped: bool        # more than COUNT_CAP rows match
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def first_index(self) -> int:
        return (self.number - 1) * PAGE_SIZE + 1 if self.rows else 0

    @property
    def last_index(self) -> int:
        return (self.number - 1) * PAGE_SIZE + len(self.rows)

    @property
    def num_pages(self) -> int | None:
        return None if self.capped else max(1, -(-self.count // PAGE_SIZE))


def page_number(raw) -> int:
    try:
        return max(1, min(int(raw), 10_000))
    except (TypeError, ValueError):
        return 1


def paginate(qs, raw_page, *, count_qs=None, page_size: int = PAGE_SIZE, cap: int | None = None) -> Page:
    """One page of `qs`, counting at most `cap` + 1 rows (a sliced count is a bounded subquery) of
    `count_qs` (default `qs`; pass the queryset without display joins so the count stays on indexes)."""
    number = page_number(raw_page)
    cap = COUNT_CAP if cap is None else cap
    counted = (qs if count_qs is None else count_qs).order_by().values("pk")[: cap + 1].count()
    capped = counted > cap
    last = max(1, -(-counted // page_size))
    if not capped and number > last:
        number = last
    start = (number - 1) * page_size
    rows = list(qs[start: start + page_size + 1])
    return Page(rows[:page_size], number, min(counted, cap), capped, len(rows) > page_size)
