"""X API v2 recent search (last 7 days) with a bearer token.

Settings: token in the variable named by the source (default PANTAU_X_BEARER_TOKEN); config
{"q": "(jalan rusak) banten -is:retweet lang:id", "max_pages": 3}; base address from the source or
PANTAU_X_URL. Pages follow meta.next_token; the cursor keeps since_id = the newest post seen.
"""

import json

from .base import Http, Item, SourceError, credential, opt, parse_time

DEFAULT_BASE = "https://api.x.com"
FIELDS = {
    "tweet.fields": "created_at,public_metrics,lang,author_id,conversation_id",
    "expansions": "author_id",
    "user.fields": "username,name,public_metrics",
}


def fetch(source, cursor: dict) -> tuple[list[Item], dict]:
    token = credential(source, "PANTAU_X_BEARER_TOKEN")
    q = source.config.get("q")
    if not q:
        raise SourceError("config has no search query (q)")
    base = (source.url or opt("PANTAU_X_URL", DEFAULT_BASE)).rstrip("/")
    params = {"query": q, "max_results": 100, **FIELDS}
    if cursor.get("since_id"):
        params["since_id"] = cursor["since_id"]
    items: list[Item] = []
    newest = cursor.get("since_id")
    with Http() as http:
        for _ in range(int(source.config.get("max_pages", 3))):
            response = http.get(f"{base}/2/tweets/search/recent", params=params,
                                headers={"Authorization": f"Bearer {token}"})
            try:
                page = response.json()
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise SourceError(f"malformed JSON from X: {exc}") from None
            if "errors" in page and "data" not in page and page.get("meta", {}).get("result_count", 0):
                raise SourceError(f"X error: {page['errors'][0].get('detail', page['errors'][0])}")
            users = {u["id"]: u for u in page.get("includes", {}).get("users", [])}
            items += [_item(post, users.get(post.get("author_id"), {})) for post in page.get("data", [])]
            meta = page.get("meta", {})
            if meta.get("newest_id") and (newest is None or int(meta["newest_id"]) > int(newest)):
                newest = meta["newest_id"]
            if not meta.get("next_token"):
                break
            params["next_token"] = meta["next_token"]
    return items, ({**cursor, "since_id": newest} if newest else cursor)


def _item(post: dict, user: dict) -> Item:
    metrics = post.get("public_metrics", {})
    username = user.get("username", "")
    url = f"https://x.com/{username or 'i/web'}/status/{post['id']}"
    return Item(
        kind="x", external_id=post["id"], url=url, text=post.get("text", ""),
        author=f"@{username}" if username else "", site="x.com",
        published_at=parse_time(post.get("created_at")), language=_lang(post.get("lang")),
        likes=metrics.get("like_count"), comments=metrics.get("reply_count"),
        shares=(metrics.get("retweet_count") or 0) + (metrics.get("quote_count") or 0),
        views=metrics.get("impression_count"),
        reach=user.get("public_metrics", {}).get("followers_count"),
    )


def _lang(code: str | None) -> str:
    return {"in": "id", "id": "id", "en": "en"}.get(code or "", "")
