"""The per-row shortcuts in normalisation give exactly what the library calls they replace give."""

from __future__ import annotations

import phonenumbers
import pytest
from email_validator import EmailNotValidError, validate_email
from phonenumbers import PhoneNumberType

from leadnexus.leads.validation.normalisation import (
    _fast_email,
    phone_region_and_type,
    registrable_domain,
)

EMAILS = [
    "ann@example.com",
    "Ann.Lee+tag@Example.COM",
    "Info@Example.com",
    "POSTMASTER@example.com",
    "x@XN--BCHER-KVA.example",
    "user@xn--bcher-kva.example",
    "user@bücher.example",
    "ñ@example.com",
    "x@exa\u0301mple.com",
    "x\u0338@example.com",
    "a@example.local",
    "a@localhost",
    "a@test",
    "a@invalid",
    "a@x.123",
    "a@[1.2.3.4]",
    "a@[IPv6:::1]",
    '"quoted"@example.com',
    "Name <a@example.com>",
    "<a@example.com>",
    "a@b@example.com",
    "a..b@example.com",
    ".a@example.com",
    "a@-x.com",
    "a@ab--cd.com",
    "a@xn--zz.com",
    "a@ex ample.com",
    "a@ex_ample.com",
    "a@example.com.",
    "a@a..com",
    "@example.com",
    "a@",
    "a at example.com",
    "x\\y@example.com",
    "x@exam<ple.com",
    'x@exam"ple.com',
    "a" * 64 + "@example.com",
    "a" * 65 + "@example.com",
    "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 50 + ".com",
    "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 63 + ".com",
    "a@" + "b" * 64 + ".com",
    "a@1.xn--4dbc.com",
]


@pytest.mark.parametrize("address", EMAILS)
def test_fast_email_agrees_with_validate_email(address: str) -> None:
    fast = _fast_email(address)
    try:
        checked = validate_email(address, check_deliverability=False)
    except (EmailNotValidError, ValueError):
        assert fast is None
        return
    if fast is not None:
        domain = registrable_domain(checked.domain.lower())
        assert fast == (checked.normalized, checked.ascii_domain, domain)


@pytest.mark.parametrize(
    "address", ["ann@example.com", "Info@Example.com", "a.b+c@xn--bcher-kva.example"]
)
def test_fast_email_takes_plain_addresses(address: str) -> None:
    assert _fast_email(address) is not None


def _numbers() -> list[phonenumbers.PhoneNumber]:
    numbers = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in range(PhoneNumberType.VOICEMAIL + 1):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                numbers.append(example)
        invalid = phonenumbers.invalid_example_number(region)
        if invalid is not None:
            numbers.append(invalid)
    for code in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        example = phonenumbers.example_number_for_non_geo_entity(code)
        if example is not None:
            numbers.append(example)
    # Near misses: one digit more, one fewer, the first digit changed, a foreign calling code.
    variants = []
    for number in numbers:
        national = number.national_number
        for other in (national * 10 + 1, national // 10, national + 10 ** len(str(national))):
            variants.append(phonenumbers.PhoneNumber(number.country_code, other))
        variants.append(phonenumbers.PhoneNumber(1, national))
        variants.append(phonenumbers.PhoneNumber(44, national))
    variants.append(phonenumbers.PhoneNumber(999, 1234567))
    variants.append(phonenumbers.parse("+39 06 1234 5678"))  # Italian leading zero
    return numbers + variants


def test_phone_region_and_type_agrees_with_phonenumbers() -> None:
    for number in _numbers():
        expected = (phonenumbers.region_code_for_number(number), phonenumbers.number_type(number))
        assert phone_region_and_type(number) == expected, number
