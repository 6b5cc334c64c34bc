from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from leadnexus.auth.passwords import (
    common_passwords,
    hash_password,
    password_problems,
    verify_password,
)
from leadnexus.auth.schemas import normalise_email


def test_common_list_has_ten_thousand_entries():
    assert len(common_passwords()) >= 9_900
    assert {"123456", "password", "qwertyuiop"} <= common_passwords()


def test_hash_and_verify():
    hashed = hash_password("a long enough passphrase", rounds=4)
    assert hashed.startswith("$2b$04$")
    assert verify_password("a long enough passphrase", hashed)
    assert not verify_password("a long enough passphrasE", hashed)
    assert not verify_password("anything", "not-a-bcrypt-hash")


def test_common_check_ignores_case():
    assert password_problems("PASSWORD123", email="a@b.co")[0].code == "too_common"


def test_email_local_part_is_refused():
    assert (
        password_problems("jonathan.smith", email="jonathan.smith@corp.io")[0].code
        == "same_as_email"
    )


def test_sixty_four_characters_are_allowed():
    assert password_problems("w" * 64, email="a@b.co") == []


@given(st.text(max_size=200), st.emails())
def test_policy_never_raises(password, email):
    problems = password_problems(password, email=email)
    assert all(p.field == "password" for p in problems)


@given(st.text(max_size=300))
def test_email_normaliser_only_raises_value_error(value):
    try:
        result = normalise_email(value)
    except ValueError:
        return
    assert result == result.lower() and "@" in result
