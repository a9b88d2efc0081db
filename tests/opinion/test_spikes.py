import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pantau.opinion.spikes import SpikeSettings, negative_surge, volume_spike

CFG = SpikeSettings(window_hours=24, baseline_days=7, k=3.0, min_count=20)
HOURS = CFG.hours_needed


def daily_rhythm(level: float, amplitude: float, phase: int, hours: int = HOURS) -> np.ndarray:
    """Mentions per hour with a day/night rhythm: busy at midday, quiet at night."""
    hour = (np.arange(hours) + phase) % 24
    return level * (1 + amplitude * np.sin((hour - 6) / 24 * 2 * np.pi))


def noisy(rate: np.ndarray, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).poisson(rate)


def test_a_burst_in_the_last_day_is_found_with_its_size():
    counts = noisy(daily_rhythm(10, 0.8, 0), seed=1).astype(float)
    counts[-6:] += 60  # an incident: 360 extra mentions in six hours
    spike = volume_spike(counts, CFG)
    assert spike is not None and spike.kind == "volume"
    assert spike.observed > spike.expected + 300 and spike.score >= 3


@pytest.mark.parametrize("seed", range(30))
def test_daily_rhythm_with_noise_raises_no_volume_alarm(seed):
    assert volume_spike(noisy(daily_rhythm(10, 0.9, seed), seed), CFG) is None


@settings(max_examples=60)
@given(level=st.floats(0, 500), amplitude=st.floats(0, 1), phase=st.integers(0, 23))
def test_any_pure_daily_rhythm_is_never_a_spike(level, amplitude, phase):
    assert volume_spike(daily_rhythm(level, amplitude, phase), CFG) is None


@settings(max_examples=60)
@given(level=st.floats(5, 200), amplitude=st.floats(0, 1), phase=st.integers(0, 23),
       factor=st.floats(3, 20))
def test_a_last_day_several_times_its_usual_volume_is_always_found(level, amplitude, phase, factor):
    counts = daily_rhythm(level, amplitude, phase)
    counts[-24:] *= factor
    assert volume_spike(counts, CFG) is not None


def test_a_tiny_topic_does_not_alarm_below_the_minimum_volume():
    counts = np.zeros(HOURS)
    counts[-1] = 8  # eight mentions where there were none: unusual, but too few to wake anyone
    assert volume_spike(counts, CFG) is None


def test_a_shorter_window_compares_the_same_hours_of_earlier_days():
    cfg = SpikeSettings(window_hours=3, baseline_days=7, k=3, min_count=10)
    counts = daily_rhythm(20, 0.9, 0, cfg.hours_needed)
    assert volume_spike(counts, cfg) is None
    counts[-3:] += 40
    assert volume_spike(counts, cfg) is not None


def test_too_short_a_series_is_refused():
    with pytest.raises(ValueError, match="hourly counts"):
        volume_spike(np.ones(30), CFG)


def test_a_rise_in_the_share_of_negative_mentions_is_a_surge():
    total = noisy(daily_rhythm(20, 0.5, 0), seed=3).astype(float)
    negative = np.round(total * 0.2)
    negative[-24:] = np.round(total[-24:] * 0.6)
    surge = negative_surge(negative, total, CFG)
    assert surge is not None and surge.kind == "negative"
    assert surge.observed == pytest.approx(0.6, abs=0.05) and surge.expected == pytest.approx(0.2, abs=0.03)


@pytest.mark.parametrize("seed", range(20))
def test_a_steady_share_of_negative_mentions_is_no_surge(seed):
    total = noisy(daily_rhythm(20, 0.8, seed), seed)
    negative = np.random.default_rng(seed + 100).binomial(total, 0.3)
    assert negative_surge(negative, total, CFG) is None


def test_a_few_negative_mentions_in_a_quiet_topic_are_no_surge():
    total = np.full(HOURS, 1.0)
    negative = np.zeros(HOURS)
    negative[-5:] = 1
    assert negative_surge(negative, total, CFG) is None
