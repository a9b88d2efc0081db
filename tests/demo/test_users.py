"""Demo users: koordinator, analis, pimpinan and admin-<slug> per agency, with the demo password."""

from django.contrib.auth import get_user_model

from pantau.agencies import roles
from pantau.agencies.models import Agency
from pantau.demo.seed import upsert_reference
from pantau.demo.users import create_demo_users


def logs_in(client, username, password) -> bool:
    """Through the login page, as a person would."""
    client.logout()
    page = client.post("/masuk/", {"username": username, "password": password})
    return page.status_code == 302 and page.url == "/"


def test_demo_users_have_their_roles_agencies_and_the_demo_password(db, client, settings):
    settings.PANTAU_DEMO_PASSWORD = "coba-demo-123"
    upsert_reference(1)
    names = create_demo_users()
    User = get_user_model()
    assert len(names) == 3 + Agency.objects.count()
    for username, role in (("koordinator", roles.KOORDINATOR), ("analis", roles.ANALIS), ("pimpinan", roles.PIMPINAN)):
        assert roles.role_of(User.objects.get(username=username)) == role
    admin = User.objects.get(username="admin-dinkes")
    assert roles.role_of(admin) == roles.ADMIN_OPD
    assert list(admin.admin_agencies.values_list("slug", flat=True)) == ["dinkes"]
    assert logs_in(client, "admin-dpupr", "coba-demo-123")
    assert not logs_in(client, "admin-dpupr", "pantau-demo")


def test_running_it_again_changes_nothing_but_resets_the_password(db, client):
    upsert_reference(1)
    create_demo_users()
    user = get_user_model().objects.get(username="analis")
    user.set_password("lain-lagi-456")
    user.save(update_fields=["password"])
    create_demo_users()
    assert get_user_model().objects.filter(username__startswith="admin-").count() == Agency.objects.count()
    assert get_user_model().objects.get(username="admin-bapenda").admin_agencies.count() == 1
    assert logs_in(client, "analis", "pantau-demo")
