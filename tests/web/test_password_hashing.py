"""Argon2 hashes passwords; an account with an older hash gets an Argon2 one at its next
login. (The rest of the suite uses a fast hasher: tests/conftest.py.)"""

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from gongkai.web import settings as production


@pytest.fixture
def production_hashers(settings, alice):
    """The platform's hashers, switched on after Alice's account is made with the fast one."""
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS


def pbkdf2(password: str) -> str:
    """A hash as Django's previous default wrote it (with few rounds, to keep the test quick)."""
    hasher = PBKDF2PasswordHasher()
    return hasher.encode(password, hasher.salt(), iterations=1000)


def test_argon2_is_the_hasher_of_the_platform():
    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_a_new_password_is_hashed_with_argon2(production_hashers, alice):
    alice.set_password("a new and long passphrase")
    assert alice.password.startswith("argon2$argon2id$")
    assert alice.check_password("a new and long passphrase")


def test_an_older_hash_is_upgraded_at_the_next_login(production_hashers, client, alice):
    alice.password = pbkdf2("an old passphrase")
    alice.save(update_fields=["password"])
    response = client.post("/accounts/login/",
                           {"username": "alice", "password": "an old passphrase"})  # fmt: skip
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.password.startswith("argon2$")
    assert alice.check_password("an old passphrase")


def test_a_wrong_password_leaves_the_old_hash_alone(production_hashers, client, alice):
    alice.password = old = pbkdf2("an old passphrase")
    alice.save(update_fields=["password"])
    client.post("/accounts/login/", {"username": "alice", "password": "not it"})
    alice.refresh_from_db()
    assert alice.password == old
