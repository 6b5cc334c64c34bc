"""Who is the same contact: exact email and phone, fuzzy name within one company."""

from __future__ import annotations

import pytest

from leadnexus.leads.ingest.contacts import ContactSet, identity_key, same_identity


def test_identity_folds_case_accents_punctuation_and_legal_suffixes():
    assert identity_key("José", "Núñez", "ACME, Inc.") == identity_key("jose", "nunez", "Acme")
    assert identity_key("Ada", "Lovelace", "Analytical Engines Ltd") == (
        "ada lovelace|analytical engines"
    )


@pytest.mark.parametrize(
    ("first", "last", "company"),
    [(None, None, "Acme"), ("Ada", "Lovelace", None), ("Ada", None, "Inc."), ("...", "", "Acme")],
)
def test_no_identity_without_both_a_name_and_a_company(first, last, company):
    assert identity_key(first, last, company) is None


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("john smith", "john smith"),
        ("jon smith", "john smith"),  # a letter missing
        ("ann lee", "anne lee"),
        ("smith john", "john smith"),  # family name first
        ("jonathan smith", "jonathon smith"),  # one changed letter in a long name
        ("catherine jones", "katherine jones"),  # another first initial
        ("alexandra kowalski", "alexandra cowalski"),  # another initial of the family name
    ],
)
def test_small_differences_in_a_name_are_the_same_person(name, other):
    assert same_identity(f"{name}|acme", f"{other}|acme")


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("maria garcia", "mario garcia"),  # a changed letter in a short name: maybe two people
        ("john smith", "jane smith"),
        ("john smith", "john smyth"),
        ("li wei", "li wen"),
        # First names that are surnames too: the same letters in other roles, not a typo.
        ("ryan mitchell", "michelle ryan"),
        ("robert paul", "paul roberts"),
        ("william edwards", "edward williams"),
        ("matthew daniels", "daniel matthews"),
    ],
)
def test_different_names_are_different_people(name, other):
    assert not same_identity(f"{name}|acme", f"{other}|acme")


def test_a_name_is_compared_only_with_people_at_the_same_company():
    seen = ContactSet()
    seen.remember(None, None, identity_key("John", "Smith", "Acme Inc"))
    assert seen.hit(None, None, identity_key("Jon", "Smith", "ACME")) == "name and company"
    assert seen.hit(None, None, identity_key("John", "Smith", "Globex")) is None
    assert seen.hit(None, None, identity_key("Jane", "Smith", "Acme")) is None


def test_email_and_phone_match_exactly_and_say_which_matched():
    seen = ContactSet()
    seen.remember("ada@analytical.io", "+442079460958", None)
    assert seen.hit("ada@analytical.io", None, None) == "email"
    assert seen.hit("other@analytical.io", "+442079460958", None) == "phone"
    assert seen.hit("ada@analytical.com", "+442079460959", None) is None


def test_same_identity_needs_the_same_company():
    one = identity_key("Jon", "Smith", "Acme")
    assert same_identity(one, identity_key("John", "Smith", "Acme Corp."))
    assert not same_identity(one, identity_key("John", "Smith", "Acme Labs"))
    assert not same_identity(one, None)


def test_names_keep_words_that_are_legal_suffixes_in_company_names():
    assert identity_key("Sa", "Lee", "Lee Holdings SA") == "sa lee|lee holdings"


def test_identity_fits_its_column_however_long_the_name():
    key = identity_key("A" * 100, "B" * 100, "C" * 250)
    assert key is not None and len(key) <= 320
    assert key.split("|")[1] == "c" * 200


def test_a_big_company_still_finds_a_misspelt_name_among_thousands():
    seen = ContactSet()
    for n in range(3000):
        seen.remember(None, None, f"person{n} surname{n}|globex")
    seen.remember(None, None, "jonathan smith|globex")
    assert seen.hit(None, None, "jonathon smith|globex") == "name and company"
    assert seen.hit(None, None, "jonathan smith|initech") is None
