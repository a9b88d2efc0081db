"""Spike detection over hourly counts (pure functions, no database).

A *volume spike*: the mentions of the recent window (e.g. the last 24 hours) against the same hours
of each of the previous days (e.g. 7): the window's count must exceed the baseline mean by k standard
deviations, be at least `min_ratio` times the mean and at least `min_count`. Comparing the same hours
of earlier days cancels the daily rhythm (quiet nights, busy mornings). The standard deviation is
never taken below the Poisson noise sqrt(mean) nor below 1, so a flat baseline does not turn every
small wobble into an alarm.

A *negative surge*: the share of negative mentions in the window against the share in the baseline
hours, by a one-sided test of proportions (z >= k) and a minimum rise in percentage points.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

HOURS_PER_DAY = 24


@dataclass(frozen=True)
class SpikeSettings:
    window_hours: int = 24
    baseline_days: int = 7
    k: float = 3.0
    min_count: int = 20
    min_ratio: float = 1.5
    min_negative: int = 10
    min_share_rise: float = 0.15  # share points (0.15 = 15 percentage points)

    def __post_init__(self):
        if not 1 <= self.window_hours <= HOURS_PER_DAY:
            raise ValueError("window_hours must be between 1 and 24")
        if self.baseline_days < 2 or self.k <= 0:
            raise ValueError("baseline_days must be >= 2 and k > 0")

    @property
    def hours_needed(self) -> int:
        """How many hourly counts (ending now) the detection reads."""
        return self.baseline_days * HOURS_PER_DAY + self.window_hours


@dataclass(frozen=True)
class Spike:
    kind: str  # "volume" or "negative"
    observed: float  # count (volume) or share (negative) in the window
    expected: float  # baseline mean count or baseline share
    score: float  # standard deviations (volume) or z of the share (negative)
    window_hours: int


def _windows(counts: Sequence[float], cfg: SpikeSettings) -> tuple[float, np.ndarray]:
    """Return the window total and the totals of the same hours on each baseline day."""
    series = np.asarray(counts, dtype=float)
    if series.size < cfg.hours_needed:
        raise ValueError(f"need {cfg.hours_needed} hourly counts, got {series.size}")
    series = series[-cfg.hours_needed:]
    end = series.size
    window = series[end - cfg.window_hours:].sum()
    baseline = np.array([
        series[end - cfg.window_hours - d * HOURS_PER_DAY: end - d * HOURS_PER_DAY].sum()
        for d in range(1, cfg.baseline_days + 1)
    ])
    return float(window), baseline


def volume_spike(counts: Sequence[float], cfg: SpikeSettings = SpikeSettings()) -> Spike | None:
    """Return a volume Spike when the last `window_hours` of hourly `counts` (oldest first) stand
    out from the same hours of the previous `baseline_days` days; None otherwise."""
    window, baseline = _windows(counts, cfg)
    mean = float(baseline.mean())
    spread = max(float(baseline.std(ddof=1)), np.sqrt(mean), 1.0)
    score = (window - mean) / spread
    if window >= cfg.min_count and score >= cfg.k and window >= cfg.min_ratio * max(mean, 1.0):
        return Spike("volume", window, round(mean, 2), round(score, 2), cfg.window_hours)
    return None


def negative_surge(negative: Sequence[float], total: Sequence[float],
                   cfg: SpikeSettings = SpikeSettings()) -> Spike | None:
    """Return a negative Spike when the share of negative mentions in the window rises above the
    baseline share (same hours, previous days) by >= `min_share_rise` and z >= k; None otherwise."""
    neg_window, neg_base = _windows(negative, cfg)
    all_window, all_base = _windows(total, cfg)
    if neg_window < cfg.min_negative or all_window <= 0 or all_base.sum() <= 0:
        return None
    share = neg_window / all_window
    base_share = float(neg_base.sum() / all_base.sum())
    # Floor the baseline share: with no negatives before, one bad hour would give an infinite z.
    p0 = min(max(base_share, 0.02), 0.98)
    z = (share - p0) / np.sqrt(p0 * (1 - p0) / all_window)
    if share - base_share >= cfg.min_share_rise and z >= cfg.k:
        return Spike("negative", round(share, 4), round(base_share, 4), round(float(z), 2), cfg.window_hours)
    return None
