import pytest
from django.core.cache import cache
from django.urls import reverse

from tests import factories as f


@pytest.fixture(autouse=True)
def clear_throttle():
    cache.clear()
    yield
    cache.clear()


def login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_sign_in_and_out(client, db):
    f.user(username="amina", password="right-password-1")
    assert login(client, "amina", "right-password-1").status_code == 302
    assert client.get(reverse("accounts:account")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:account")).status_code == 302


def test_repeated_failures_pause_even_the_right_password(client, db, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    f.user(username="amina", password="right-password-1")
    for _ in range(3):
        assert login(client, "amina", "wrong").status_code == 200
    response = login(client, "amina", "right-password-1")
    assert response.status_code == 200
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_success_clears_the_count_for_that_username(client, db, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    f.user(username="amina", password="right-password-1")
    login(client, "amina", "wrong")
    login(client, "amina", "wrong")
    assert login(client, "amina", "right-password-1").status_code == 302
    client.post(reverse("accounts:logout"))
    login(client, "amina", "wrong")
    login(client, "amina", "wrong")
    assert login(client, "amina", "right-password-1").status_code == 302


def test_password_change(client, db):
    user = f.user(username="amina", password="right-password-1")
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "right-password-1",
            "new_password1": "a-new-long-phrase-77",
            "new_password2": "a-new-long-phrase-77",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-new-long-phrase-77")


def test_admin_is_for_office_superusers_only(client, world):
    team = world.user("beijing_team")
    team.is_staff = team.is_superuser = True
    team.save()
    client.force_login(team)
    assert client.get("/admin/").status_code == 302  # redirected to the admin login
    office = world.user("office")
    office.is_staff = office.is_superuser = True
    office.save()
    client.force_login(office)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pairings/pairing/add/").status_code == 403


def test_many_usernames_from_one_address_are_paused_too(client, db, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 2
    f.user(username="amina", password="right-password-1")
    for n in range(8):  # two failures each for four usernames: the address allowance
        login(client, f"guess{n // 2}", "wrong")
    response = login(client, "amina", "right-password-1")
    assert "Too many failed sign-ins" in response.content.decode()
