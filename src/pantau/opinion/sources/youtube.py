"""YouTube Data API v3: search for recent videos, then their statistics (views, likes, comments).

Settings: the API key in the variable named by the source (default PANTAU_YOUTUBE_API_KEY);
config {"q": "...", "max_pages": 2}; the base address from the source or PANTAU_YOUTUBE_URL.
Cursor: {"published_after": ISO time of the newest video seen}.
"""

import json

from .base import Http, Item, SourceError, credential, opt, parse_time

DEFAULT_BASE = "https://www.googleapis.com/youtube/v3"


def _json(response) -> dict:
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SourceError(f"malformed JSON from {response.url}: {exc}") from None


def fetch(source, cursor: dict) -> tuple[list[Item], dict]:
    key = credential(source, "PANTAU_YOUTUBE_API_KEY")
    q = source.config.get("q")
    if not q:
        raise SourceError("config has no search words (q)")
    base = (source.url or opt("PANTAU_YOUTUBE_URL", DEFAULT_BASE)).rstrip("/")
    params = {"part": "snippet", "q": q, "type": "video", "order": "date", "maxResults": 50,
              "regionCode": "ID", "relevanceLanguage": "id", "key": key}
    if cursor.get("published_after"):
        params["publishedAfter"] = cursor["published_after"]
    found: list[dict] = []
    with Http() as http:
        for _ in range(int(source.config.get("max_pages", 2))):
            page = _json(http.get(f"{base}/search", params=params))
            found += [r for r in page.get("items", []) if r.get("id", {}).get("videoId")]
            if not page.get("nextPageToken"):
                break
            params["pageToken"] = page["nextPageToken"]
        stats = _statistics(http, base, key, [r["id"]["videoId"] for r in found])
    items = [_item(r, stats.get(r["id"]["videoId"], {})) for r in found]
    newest = max((r["snippet"].get("publishedAt", "") for r in found), default="")
    next_cursor = dict(cursor)
    if newest > cursor.get("published_after", ""):
        next_cursor["published_after"] = newest
    return items, next_cursor


def _statistics(http: Http, base: str, key: str, ids: list[str]) -> dict[str, dict]:
    stats = {}
    for i in range(0, len(ids), 50):
        page = _json(http.get(f"{base}/videos", params={"part": "statistics", "id": ",".join(ids[i:i + 50]), "key": key}))
        stats.update({v["id"]: v.get("statistics", {}) for v in page.get("items", [])})
    return stats


def _int(value) -> int | None:
    return int(value) if value not in (None, "") else None


def _item(result: dict, stats: dict) -> Item:
    snippet, video_id = result["snippet"], result["id"]["videoId"]
    return Item(
        kind="youtube", external_id=video_id, url=f"https://www.youtube.com/watch?v={video_id}",
        title=snippet.get("title", ""), text=snippet.get("description", ""),
        author=snippet.get("channelTitle", ""), site="youtube.com",
        published_at=parse_time(snippet.get("publishedAt")),
        views=_int(stats.get("viewCount")), likes=_int(stats.get("likeCount")),
        comments=_int(stats.get("commentCount")), extra={"channel_id": snippet.get("channelId", "")},
    )
