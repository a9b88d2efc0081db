"""Mastodon public timelines: a hashtag (/api/v1/timelines/tag/NAME) or a search (/api/v2/search).

The source's address is the instance (e.g. https://mastodon.social). config {"hashtag": "banten"} or
{"q": "jalan rusak"}; an access token is optional for hashtags (variable named by the source) and
needed by most instances for a status search. Paging: the first run reads the newest page and older
pages by max_id (config "backfill_pages", default 1); later runs read newer pages from min_id,
following the Link header's rel="prev". Cursor: {"min_id": the newest status id seen}.
"""

import html
import json

from django.utils.html import strip_tags

from pantau.settings import env_secret

from .base import Http, Item, NotConfigured, SourceError, parse_time


def fetch(source, cursor: dict) -> tuple[list[Item], dict]:
    if not source.url:
        raise NotConfigured("no instance address")
    base = source.url.rstrip("/")
    headers = _auth(source)
    if source.config.get("hashtag"):
        url = f"{base}/api/v1/timelines/tag/{source.config['hashtag'].lstrip('#')}"
        params = {"limit": 40}
    elif source.config.get("q"):
        if not headers:
            raise NotConfigured("a status search needs an access token")
        url, params = f"{base}/api/v2/search", {"q": source.config["q"], "type": "statuses", "limit": 40}
    else:
        raise SourceError("config needs a hashtag or a search (q)")
    statuses = _read(url, params, headers, cursor, int(source.config.get("backfill_pages", 1)))
    items = [_item(s) for s in statuses]
    ids = [int(s["id"]) for s in statuses if str(s.get("id", "")).isdigit()]
    newest = max(ids + [int(cursor.get("min_id", 0) or 0)])
    return items, ({**cursor, "min_id": str(newest)} if newest else cursor)


def _auth(source) -> dict:
    token = env_secret(source.credential_env) if source.credential_env else None
    return {"Authorization": f"Bearer {token}"} if token else {}


def _read(url, params, headers, cursor, backfill_pages) -> list[dict]:
    statuses: list[dict] = []
    newer = bool(cursor.get("min_id"))
    if newer:
        params = {**params, "min_id": cursor["min_id"]}
    with Http() as http:
        for _ in range(20 if newer else backfill_pages):
            response = http.get(url, params=params, headers=headers)
            page = _json(response)
            page = page.get("statuses", []) if isinstance(page, dict) else page
            if not page:
                break
            statuses += page
            link = response.links.get("prev" if newer else "next", {}).get("url")
            if not link:
                break
            url, params = link, None
    return statuses


def _json(response):
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SourceError(f"malformed JSON from {response.url}: {exc}") from None


def _item(status: dict) -> Item:
    post = status.get("reblog") or status
    account = post.get("account", {})
    return Item(
        kind="mastodon", external_id=post.get("uri") or str(post.get("id", "")), url=post.get("url") or post.get("uri", ""),
        text=html.unescape(strip_tags(post.get("content", "").replace("</p>", "</p>\n"))).strip(),
        author=f"@{account.get('acct', '')}" if account.get("acct") else "",
        published_at=parse_time(post.get("created_at")), language=post.get("language") if post.get("language") in ("id", "en") else "",
        likes=post.get("favourites_count"), shares=post.get("reblogs_count"), comments=post.get("replies_count"),
        reach=account.get("followers_count"), extra={"hashtags": [t.get("name", "") for t in post.get("tags", [])]},
    )
