"""Accounts: log-in throttling (django-axes), Argon2 hashes, session and CSRF cookie settings."""

import pytest
from django.conf import settings
from django.test import Client

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.argon2
def test_passwords_are_hashed_with_argon2(personas):
    assert personas["koordinator"].password.startswith("argon2$")


def test_a_good_password_logs_in_and_lands_on_the_home_page(personas):
    client = Client()
    response = client.post("/masuk/", {"username": "koordinator", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"


def test_a_wrong_password_says_so_in_indonesian(personas):
    page = Client().post("/masuk/", {"username": "koordinator", "password": "salah"}).content.decode()
    assert "nama pengguna dan sandi yang benar" in page.lower()


def test_the_account_is_locked_after_too_many_failures_with_an_indonesian_message(personas):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/masuk/", {"username": "analis", "password": "tebakan"})
    response = client.post("/masuk/", {"username": "analis", "password": PASSWORD})
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk yang gagal" in response.content.decode()
    # Even the right password stays refused while locked.
    assert "_auth_user_id" not in client.session


def test_failures_below_the_limit_do_not_lock(personas):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/masuk/", {"username": "analis", "password": "tebakan"})
    assert client.post("/masuk/", {"username": "analis", "password": PASSWORD}).status_code == 302


def test_logout_needs_a_post_and_ends_the_session(client_for):
    client = client_for("pimpinan")
    assert client.get("/keluar/").status_code == 405
    assert client.post("/keluar/").status_code == 302
    assert client.get("/").status_code == 302


def test_a_password_change_keeps_the_user_logged_in_with_the_new_password(client_for, personas):
    client = client_for("analis")
    response = client.post("/akun/sandi/", {
        "old_password": PASSWORD, "new_password1": "kopi-tubruk-pagi-2024", "new_password2": "kopi-tubruk-pagi-2024"})
    assert response.status_code == 302
    personas["analis"].refresh_from_db()
    assert personas["analis"].check_password("kopi-tubruk-pagi-2024")


def test_cookies_are_http_only_same_site_and_secure_behind_https():
    assert settings.SESSION_COOKIE_HTTPONLY and settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.SESSION_COOKIE_SECURE == settings.CSRF_COOKIE_SECURE == settings.SECURE_HTTPS
    assert settings.X_FRAME_OPTIONS == "DENY"


def test_forms_reject_a_post_without_the_csrf_token(personas):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/masuk/", {"username": "koordinator", "password": PASSWORD}).status_code == 403
