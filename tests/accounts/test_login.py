import datetime

import pytest
import time_machine
from django.urls import reverse

from counterpart.accounts.models import SignInCount
from tests import factories as f


def login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_sign_in_and_out(client, db):
    f.UserFactory(username="amina", password="right-password-1")
    assert login(client, "amina", "right-password-1").status_code == 302
    assert client.get(reverse("accounts:account")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:account")).status_code == 302


def test_repeated_failures_pause_even_the_right_password(client, db, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    f.UserFactory(username="amina", password="right-password-1")
    for _ in range(3):
        assert login(client, "amina", "wrong").status_code == 200
    response = login(client, "amina", "right-password-1")
    assert response.status_code == 200
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_success_clears_the_count_for_that_username(client, db, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    f.UserFactory(username="amina", password="right-password-1")
    login(client, "amina", "wrong")
    login(client, "amina", "wrong")
    assert login(client, "amina", "right-password-1").status_code == 302
    client.post(reverse("accounts:logout"))
    login(client, "amina", "wrong")
    login(client, "amina", "wrong")
    assert login(client, "amina", "right-password-1").status_code == 302


def test_password_change(client, db):
    user = f.UserFactory(username="amina", password="right-password-1")
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
    assert client.get("/admin/", follow=True).status_code == 403
    office = world.user("office")
    office.is_staff = office.is_superuser = True
    office.save()
    client.force_login(office)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pairings/pairing/add/").status_code == 403


def test_one_address_cannot_lock_every_user_out(client, db, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 2
    f.UserFactory(username="amina", password="right-password-1")
    for n in range(40):  # an attacker behind the office's one address tries many usernames
        login(client, f"guess{n}", "wrong")
    assert login(client, "amina", "right-password-1").status_code == 302


@pytest.mark.parametrize("variant", ["auditor ", " auditor", "AUDITOR", "ａｕｄｉｔｏｒ"])
def test_a_username_is_one_person_however_it_is_typed(client, db, settings, variant):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    f.UserFactory(username="auditor", password="right-password-1")
    login(client, "auditor", "wrong")
    login(client, variant, "wrong")
    login(client, variant.upper(), "wrong")
    response = login(client, "auditor", "right-password-1")
    assert "Too many failed sign-ins" in response.content.decode()


def test_a_username_is_paused_across_addresses_too(client, db, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 2
    f.UserFactory(username="amina", password="right-password-1")
    for n in range(8):  # two tries from each of four addresses: the username's allowance
        client.post(
            reverse("accounts:login"),
            {"username": "amina", "password": "wrong"},
            REMOTE_ADDR=f"203.0.113.{n // 2}",
        )
    response = client.post(
        reverse("accounts:login"),
        {"username": "amina", "password": "right-password-1"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert "Too many failed sign-ins" in response.content.decode()


def test_a_forwarded_address_counts_only_behind_a_trusted_proxy(client, db, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 2
    f.UserFactory(username="amina", password="right-password-1")

    def attempt(password, forwarded):
        return client.post(
            reverse("accounts:login"),
            {"username": "amina", "password": password},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    attempt("wrong", "203.0.113.9")
    attempt("wrong", "203.0.113.9")
    # Untrusted proxy: the forwarded header is ignored, so both tries came from 10.0.0.1.
    assert "Too many" in attempt("right-password-1", "198.51.100.7").content.decode()
    SignInCount.objects.all().delete()
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    attempt("wrong", "203.0.113.9")
    attempt("wrong", "203.0.113.9")
    assert attempt("right-password-1", "198.51.100.7").status_code == 302  # another client
    client.post(reverse("accounts:logout"))
    assert "Too many" in attempt("right-password-1", "203.0.113.9").content.decode()


def test_the_admin_has_no_sign_in_of_its_own(client, world, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 5
    office = world.user("office")
    office.is_staff = office.is_superuser = True
    office.save()
    for _ in range(30):
        answer = client.post("/admin/login/", {"username": "office", "password": "wrong"})
        assert answer.status_code == 302 and answer.url.startswith("/accounts/login/")
    answer = client.post("/admin/login/", {"username": "office", "password": "pw-for-tests-1"})
    assert answer.status_code == 302 and "_auth_user_id" not in client.session
    for _ in range(5):
        login(client, "office", "wrong")
    response = login(client, "office", "pw-for-tests-1")
    assert "Too many failed sign-ins" in response.content.decode()


def test_an_empty_or_malformed_submission_counts_as_a_failure(client, db, settings):
    """An empty password raised no error, and the throttle forgave the address: one address
    then had four times the guesses and could lock the person out everywhere."""
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    f.UserFactory(username="amina", password="right-password-1")
    client.post(reverse("accounts:login"), {"username": "amina"})
    login(client, "amina", "")
    login(client, "amina", "wrong")
    response = login(client, "amina", "right-password-1")
    assert "Too many failed sign-ins" in response.content.decode()


def test_one_address_neither_locks_the_person_out_elsewhere_nor_gets_more_guesses(
    client, db, settings
):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    f.UserFactory(username="amina", password="right-password-1")
    for _ in range(40):
        attacker = client.post(
            reverse("accounts:login"),
            {"username": "amina", "password": "wrong"},
            REMOTE_ADDR="203.0.113.9",
        )
    assert "Too many failed sign-ins" in attacker.content.decode()
    victim = client.post(
        reverse("accounts:login"),
        {"username": "amina", "password": "right-password-1"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert victim.status_code == 302


def test_the_pause_lasts_what_the_setting_says(client, db, settings):
    """The cache's increment reset the timeout: a 900-second pause lasted 300."""
    settings.LOGIN_THROTTLE_ATTEMPTS = 2
    settings.LOGIN_THROTTLE_SECONDS = 900
    f.UserFactory(username="amina", password="right-password-1")
    with time_machine.travel(datetime.datetime(2030, 1, 1, 9, 0, tzinfo=datetime.UTC)) as clock:
        login(client, "amina", "wrong")
        login(client, "amina", "wrong")
        clock.shift(899)
        assert "Too many" in login(client, "amina", "right-password-1").content.decode()
        clock.shift(901)  # 900 seconds after the last attempt counted
        assert login(client, "amina", "right-password-1").status_code == 302


def test_a_password_change_revokes_every_api_token(client, db):
    from counterpart.accounts import services
    from counterpart.accounts.models import ApiToken

    user = f.UserFactory(username="amina", password="right-password-1")
    _token, raw = services.api_token_create(actor=user, name="script")
    assert services.api_token_authenticate(raw) == user
    client.force_login(user)
    client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "right-password-1",
            "new_password1": "a-new-long-phrase-77",
            "new_password2": "a-new-long-phrase-77",
        },
    )
    assert services.api_token_authenticate(raw) is None
    assert ApiToken.objects.get().revoked_at is not None
    assert client.get(reverse("accounts:account")).status_code == 200  # still signed in


def test_the_old_password_check_is_throttled(client, db, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    user = f.UserFactory(username="amina", password="right-password-1")
    client.force_login(user)

    def change(old):
        return client.post(
            reverse("accounts:password_change"),
            {
                "old_password": old,
                "new_password1": "x-Long-phrase-88",
                "new_password2": "x-Long-phrase-88",
            },
        )

    for _ in range(3):
        assert change("wrong").status_code == 200
    assert "Too many failed sign-ins" in change("right-password-1").content.decode()
    user.refresh_from_db()
    assert user.check_password("right-password-1")
