"""The main menu, rendered once per role and language: each role still sees its own links."""

import pytest

pytestmark = pytest.mark.django_db


def menu(client) -> str:
    html = client.get("/pengaduan/").content.decode()
    return html.split('aria-label="Menu utama"', 1)[1].split("</nav>", 1)[0] if "Menu utama" in html else \
        html.split('aria-label="Main menu"', 1)[1].split("</nav>", 1)[0]


def test_each_role_sees_its_own_menu_in_its_language(client_for):
    koordinator = menu(client_for("koordinator"))
    assert 'href="/audit/"' in koordinator and "Log audit" in koordinator and "Opini publik" in koordinator
    analis = menu(client_for("analis"))
    assert 'href="/audit/"' not in analis and "Opini publik" in analis
    admin = menu(client_for("admin_dinkes"))
    assert 'href="/audit/"' not in admin and "Opini publik" not in admin
    assert 'href="/audit/"' in menu(client_for("koordinator"))  # the analis's menu did not stick

    client = client_for("koordinator")
    client.cookies["django_language"] = "en"
    english = menu(client)
    assert "Audit log" in english and "Log audit" not in english
