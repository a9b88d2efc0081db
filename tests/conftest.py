"""Named personas (STYLE.md): koordinator, analis, admin_dinkes, admin_pupr, pimpinan, anon."""

import pytest
from django.contrib.auth import get_user_model

from pantau.agencies import roles
from pantau.agencies.models import Agency

PASSWORD = "rahasia-uji-123"


@pytest.fixture(autouse=True)
def _fast_password_hashing(request, settings):
    """Argon2 costs 100 MB and a good fraction of a second per hash: tests that only need users use
    a cheap hasher. A test marked `argon2` keeps the production hashers."""
    if "argon2" not in request.keywords:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_user(username: str, role: str | None, agencies=()):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    if role:
        groups = roles.ensure_groups()
        user.groups.add(groups[role])
    for agency in agencies:
        agency.admins.add(user)
    return user


@pytest.fixture
def dinkes(db):
    return Agency.objects.create(name="Dinas Kesehatan", short_name="Dinkes", slug="dinkes", kind="dinas")


@pytest.fixture
def pupr(db):
    return Agency.objects.create(
        name="Dinas Pekerjaan Umum dan Penataan Ruang", short_name="DPUPR", slug="dpupr", kind="dinas"
    )


@pytest.fixture
def personas(db, dinkes, pupr):
    """Every persona by name; `anon` is None (not logged in)."""
    return {
        "koordinator": make_user("koordinator", roles.KOORDINATOR),
        "analis": make_user("analis", roles.ANALIS),
        "admin_dinkes": make_user("admin_dinkes", roles.ADMIN_OPD, [dinkes]),
        "admin_pupr": make_user("admin_pupr", roles.ADMIN_OPD, [pupr]),
        "pimpinan": make_user("pimpinan", roles.PIMPINAN),
        "anon": None,
    }


@pytest.fixture
def client_for(client, personas):
    """client_for("admin_dinkes") -> a test client logged in as that persona."""

    def login(name: str):
        client.logout()
        if personas[name] is not None:
            client.force_login(personas[name])
        return client

    return login
