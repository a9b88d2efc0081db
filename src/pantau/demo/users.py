"""Demo users of DESIGN.md: koordinator, analis, pimpinan and admin-<slug> for every agency.

Only the demo commands call this; `serve` never does. Every account gets the same password,
settings.PANTAU_DEMO_PASSWORD (default "pantau-demo")."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from pantau.agencies import roles
from pantau.agencies.models import Agency

STAFF = (("koordinator", roles.KOORDINATOR, "Koordinator", "PIKK Diskominfo"),
         ("analis", roles.ANALIS, "Analis", "Media"),
         ("pimpinan", roles.PIMPINAN, "Pimpinan", "Pemprov Banten"))


def demo_logins() -> list[tuple[str, str]]:
    """(username, role) of every demo account, staff first, then one admin per agency."""
    staff = [(username, role) for username, role, _, _ in STAFF]
    return staff + [(f"admin-{slug}", roles.ADMIN_OPD) for slug in Agency.objects.order_by("slug").values_list("slug", flat=True)]


@transaction.atomic
def create_demo_users() -> list[str]:
    """Create or reset the demo accounts (password, role, agency); returns their usernames."""
    groups = roles.ensure_groups()
    User = get_user_model()
    password = make_password(settings.PANTAU_DEMO_PASSWORD)  # hashed once: argon2 is slow on purpose
    names = []
    for username, role, first, last in STAFF:
        _account(User, username, password, groups[role], first, last)
        names.append(username)
    for agency in Agency.objects.order_by("slug"):
        user = _account(User, f"admin-{agency.slug}", password, groups[roles.ADMIN_OPD], "Admin", agency.label)
        agency.admins.add(user)
        names.append(user.username)
    return names


def _account(User, username, password_hash, group, first, last):
    user, _ = User.objects.update_or_create(username=username, defaults={
        "password": password_hash, "first_name": first, "last_name": last[:150], "is_active": True,
        "email": f"{username}@pantau-demo.example"})
    user.groups.set([group])
    return user
