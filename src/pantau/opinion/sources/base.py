"""What every source module shares: the Item a source yields, errors, and polite HTTP.

A source module exposes `fetch(source, cursor) -> (items, next_cursor)` and is named in the registry
(sources/__init__.py). It raises NotConfigured when its credentials are missing, Partial when it read
some items but not all (they are stored, the cursor stays), and SourceError for anything else; a
failed fetch never moves the cursor, so the next run reads the same items again and the pipeline's
identity keys drop what was stored already: nothing lost, nothing twice.
"""

import contextvars
import email.utils
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import httpx
from django.conf import settings

from pantau.settings import env_secret

log = logging.getLogger(__name__)


@dataclass
class Item:
    """One article or post as a source found it, before the pipeline normalizes it."""

    kind: str
    title: str = ""
    text: str = ""
    url: str = ""
    external_id: str = ""
    author: str = ""
    site: str = ""
    published_at: datetime | None = None
    likes: int | None = None
    shares: int | None = None
    comments: int | None = None
    views: int | None = None
    reach: int | None = None
    language: str = ""
    region_id: int | None = None  # when the source knows it (LAPOR!), else the gazetteer decides
    complaint_id: int | None = None
    extra: dict = field(default_factory=dict)


class SourceError(Exception):
    """A fetch failed; the message is recorded on the source and its run."""


class NotConfigured(SourceError):
    """The source lacks credentials or settings: shown as 'not configured', not as an error."""


class Partial(SourceError):
    """Some items were read before something went wrong: store them, keep the old cursor."""

    def __init__(self, message: str, items: list):
        super().__init__(message)
        self.items = items


class RateLimited(SourceError):
    """The service asked us to wait: `until` is the earliest time to ask again."""

    def __init__(self, message: str, until: datetime):
        super().__init__(message)
        self.until = until


def credential(source, default_env: str) -> str:
    """The secret named by source.credential_env (or the kind's default variable); NotConfigured
    when it is empty. The secret is read from the environment or NAME_FILE, never stored."""
    name = source.credential_env or default_env
    value = env_secret(name)
    if not value:
        raise NotConfigured(f"{name} is not set")
    return value


def opt(name: str, default):
    return getattr(settings, name, default)


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds to wait from Retry-After, x-rate-limit-reset (epoch) or x-ratelimit-reset."""
    headers = response.headers
    value = headers.get("retry-after")
    if value:
        if value.strip().isdigit():
            return float(value)
        try:
            return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time())
        except (TypeError, ValueError):
            pass
    for name in ("x-rate-limit-reset", "x-ratelimit-reset"):
        value = headers.get(name)
        if value:
            try:
                number = float(value)
            except ValueError:
                try:  # Mastodon sends an ISO timestamp
                    return max(0.0, datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp() - time.time())
                except ValueError:
                    continue
            return max(0.0, number - time.time()) if number > 1e9 else number
    return None


def _exhausted(response: httpx.Response) -> bool:
    remaining = response.headers.get("x-rate-limit-remaining") or response.headers.get("x-ratelimit-remaining")
    return remaining is not None and remaining.strip() == "0"


# Set when a response said the quota is used up (x-rate-limit-remaining: 0): the caller postpones
# the source's next run to this time although this response itself succeeded.
quota_resets_at: contextvars.ContextVar[datetime | None] = contextvars.ContextVar("quota_resets_at", default=None)


class Http:
    """httpx with timeouts, retries with exponential backoff on 5xx and timeouts, and respect for
    rate-limit headers. `get()` returns a 2xx response or raises SourceError / RateLimited."""

    def __init__(self, *, retries: int | None = None, backoff: float | None = None, timeout: float | None = None):
        self.retries = opt("PANTAU_OPINION_HTTP_RETRIES", 3) if retries is None else retries
        self.backoff = opt("PANTAU_OPINION_HTTP_BACKOFF", 1.0) if backoff is None else backoff
        timeout = opt("PANTAU_OPINION_HTTP_TIMEOUT", 20.0) if timeout is None else timeout
        self.max_wait = opt("PANTAU_OPINION_MAX_INLINE_WAIT", 5.0)
        self.client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)), follow_redirects=True,
            headers={"User-Agent": "Pantau/0.1 (Diskominfo Provinsi Banten; media monitoring)"},
        )

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.client.close()

    def get(self, url: str, **kwargs) -> httpx.Response:
        last = ""
        for attempt in range(self.retries + 1):
            try:
                response = self.client.get(url, **kwargs)
            except httpx.TimeoutException:
                last = f"timeout after {self.client.timeout.read}s: {url}"
            except httpx.HTTPError as exc:
                last = f"{type(exc).__name__}: {exc}"
            else:
                if response.status_code == 429:
                    wait = _retry_after(response)
                    wait = 60.0 if wait is None else wait
                    if wait > self.max_wait or attempt == self.retries:
                        raise RateLimited(f"HTTP 429 from {url}; retry in {wait:.0f}s", _later(wait))
                    time.sleep(wait)
                    continue
                if response.status_code < 500:
                    if response.status_code >= 400:
                        raise SourceError(f"HTTP {response.status_code} from {url}: {response.text[:200]}")
                    if _exhausted(response):
                        wait = _retry_after(response)
                        if wait:
                            quota_resets_at.set(_later(wait))
                    return response
                last = f"HTTP {response.status_code} from {url}"
            if attempt < self.retries:
                time.sleep(self.backoff * 2 ** attempt)
        raise SourceError(last)


def _later(seconds: float) -> datetime:
    return datetime.fromtimestamp(time.time() + seconds, tz=UTC)


def parse_time(value) -> datetime | None:
    """An aware datetime from ISO 8601 text, an RFC 2822 date or a spreadsheet date; a time without
    a zone is taken as WIB (the office's exports). None when unreadable."""
    if not value:
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=_local())
    text = str(value).strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            moment = _day_first(text)
            if moment is None:
                return None
    return moment if moment.tzinfo else moment.replace(tzinfo=_local())


def _day_first(text: str) -> datetime | None:
    """Indonesian exports write 31/03/2025 14:05 or 31-03-2025."""
    for pattern in ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    return None


def _local():
    from zoneinfo import ZoneInfo

    return ZoneInfo(settings.TIME_ZONE)
