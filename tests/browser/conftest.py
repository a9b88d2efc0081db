"""Headless Chromium (the system's, driven by Playwright) against pytest-django's live server.

Skips with the reason when /usr/bin/chromium is missing (`.ci/run` installs Debian's chromium).
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("PANTAU_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
# The live server runs in a thread next to Playwright's sync API (an event loop): Django must allow it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.skip(f"no browser: {CHROMIUM} is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def open_page(chromium, live_server):
    """open_page(**context_options) -> a fresh page; closed at the end of the test."""
    contexts = []

    def make(**options):
        options.setdefault("locale", "id-ID")  # an office browser in Banten asks for Indonesian
        context = chromium.new_context(base_url=live_server.url, accept_downloads=True, **options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def log_in(page, username: str, password: str) -> None:
    page.goto("/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_load_state()
