"""Working-day stepping for the generator, built on the project's calendar (injected).

The generator asks "the n-th working day after this moment" tens of thousands of times, so the
calendar's `is_working_day` is asked once per date of the demo range and the answers are indexed."""

import bisect
import random
from datetime import date, datetime, time, timedelta


class WorkdayIndex:
    def __init__(self, calendar, first: date, last: date):
        self.days: list[date] = []
        d = first
        while d <= last:
            if calendar.is_working_day(d):
                self.days.append(d)
            d += timedelta(days=1)
        self._ordinals = [d.toordinal() for d in self.days]

    def is_working_day(self, d: date) -> bool:
        i = bisect.bisect_left(self._ordinals, d.toordinal())
        return i < len(self._ordinals) and self._ordinals[i] == d.toordinal()

    def nth_after(self, d: date, n: int) -> date:
        """The n-th working day after day d (n=0: d itself if it is a working day, else the next one)."""
        i = bisect.bisect_right(self._ordinals, d.toordinal())
        if n == 0:
            return d if self.is_working_day(d) else self.days[i]
        return self.days[min(i + n - 1, len(self.days) - 1)]

    def count_between(self, a: date, b: date) -> int:
        """Working days after a, up to and including b."""
        return bisect.bisect_right(self._ordinals, b.toordinal()) - bisect.bisect_right(self._ordinals, a.toordinal())


def office_time(rng: random.Random, d: date, tz, after: datetime | None = None) -> datetime:
    """A moment during office hours (mostly 08:00-16:00 WIB) on day d, later than `after` if given."""
    minutes = int(rng.triangular(7.5 * 60, 16.5 * 60, 10 * 60))
    moment = datetime.combine(d, time(minutes // 60, minutes % 60, rng.randint(0, 59)), tzinfo=tz)
    if after is not None and moment <= after:
        moment = after + timedelta(minutes=rng.randint(5, 150))
    return moment
