"""The lead quality score, version 2026.1: a transparent weighted sum shown to buyers.

    score = 0.25 * completeness + 0.30 * validity + 0.20 * risk + 0.15 * freshness
          + 0.10 * uniqueness                                   (rounded to 3 decimals)

Each component is a value between 0 and 1:

- completeness: the weighted share of useful fields present. Email 3, phone 2, job title 2,
  company name 2, industry 1.5, and 1 each for first name, last name, seniority, department,
  website, company size, country, LinkedIn URL, consent source and consent date; 0.5 each for
  annual revenue, region and city.
- validity: the share of the given contact values (email, phone, website, LinkedIn URL) that
  passed validation; 0 when none was given.
- risk: 1 minus a penalty per risk flag: disposable email 0.6, no mail server 0.4, role
  mailbox 0.25, free-mail address 0.2, email domain different from the website 0.15, phone
  country different from the lead's 0.1; never below 0.
- freshness: 1.0 for a lead (or consent) up to 30 days old, falling linearly to 0.3 at two
  years (730 days) and staying at 0.3 after that.
- uniqueness: 1.0, or 0.4 when another vendor already lists the same contact.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property, lru_cache

import orjson

from leadnexus.jsontext import JSONText, encode
from leadnexus.leads.validation.results import RowOutcome

SCORE_VERSION = "2026.1"

WEIGHTS = {
    "completeness": 0.25,
    "validity": 0.30,
    "risk": 0.20,
    "freshness": 0.15,
    "uniqueness": 0.10,
}
FIELD_WEIGHTS = {
    "email": 3.0,
    "phone": 2.0,
    "job_title": 2.0,
    "company_name": 2.0,
    "industry": 1.5,
    "first_name": 1.0,
    "last_name": 1.0,
    "seniority": 1.0,
    "department": 1.0,
    "website": 1.0,
    "company_size": 1.0,
    "country": 1.0,
    "linkedin_url": 1.0,
    "consent_source": 1.0,
    "consent_date": 1.0,
    "annual_revenue": 0.5,
    "region": 0.5,
    "city": 0.5,
}
FLAG_PENALTIES = {
    "disposable_email": 0.6,
    "no_mx": 0.4,
    "role_mailbox": 0.25,
    "free_mail": 0.2,
    "email_domain_mismatch": 0.15,
    "phone_country_mismatch": 0.1,
}
# Contact field -> the reason code the validity stage reports when it dropped the value.
VALIDITY_CHECKS = {
    "email": "invalid_email",
    "phone": "invalid_phone",
    "website": "invalid_website",
    "linkedin_url": "invalid_linkedin_url",
}
FRESH_DAYS = 30
STALE_DAYS = 730
STALE_FLOOR = 0.3
DUPLICATE_UNIQUENESS = 0.4


@dataclass(frozen=True)
class ScoreComponent:
    name: str
    weight: float
    value: float  # 0..1
    detail: str


@dataclass(frozen=True)
class QualityScore:
    value: float  # 0..1, rounded to 3 decimals
    version: str
    components: tuple[ScoreComponent, ...]  # a tuple: one score is shared by many rows

    # cached_property needs the instance __dict__: keep this dataclass without slots.
    @cached_property
    def breakdown(self) -> JSONText:
        """The components as `leads.score_breakdown` stores them: [{name, weight, value, detail}]
        (orjson writes the dataclasses' fields in order)."""
        return encode(self.components)


def _component(name: str, value: float, detail: str) -> ScoreComponent:
    return ScoreComponent(name, WEIGHTS[name], round(min(1.0, max(0.0, value)), 3), detail)


# Components are frozen values of a few small inputs, so each distinct input is scored once;
# a large file repeats the same handful of patterns (the caches are bounded).
def completeness(fields: dict[str, str | None]) -> ScoreComponent:
    return _completeness(_present(fields))


def _present(fields: dict[str, str | None]) -> tuple[str, ...]:
    return tuple(name for name in FIELD_WEIGHTS if fields.get(name))


@lru_cache(maxsize=4096)
def _completeness(present: tuple[str, ...]) -> ScoreComponent:
    value = sum(FIELD_WEIGHTS[name] for name in present) / sum(FIELD_WEIGHTS.values())
    return _component(
        "completeness", value, f"{len(present)} of {len(FIELD_WEIGHTS)} fields present"
    )


def validity(outcome: RowOutcome) -> ScoreComponent:
    return _validity(*_valid_and_invalid(outcome))


def _valid_and_invalid(outcome: RowOutcome) -> tuple[int, int]:
    dropped = {reason.code for stage in outcome.stages for reason in stage.reasons}
    invalid = sum(1 for code in VALIDITY_CHECKS.values() if code in dropped)
    valid = sum(1 for name in VALIDITY_CHECKS if outcome.fields.get(name))
    return valid, invalid


@lru_cache(maxsize=64)
def _validity(valid: int, invalid: int) -> ScoreComponent:
    given = valid + invalid
    value = valid / given if given else 0.0
    return _component("validity", value, f"{valid} of {given} contact values valid")


def risk(flags: set[str]) -> ScoreComponent:
    return _risk(_known_flags(flags))


def _known_flags(flags: set[str]) -> tuple[str, ...]:
    return tuple(sorted(flag for flag in flags if flag in FLAG_PENALTIES))


@lru_cache(maxsize=256)
def _risk(known: tuple[str, ...]) -> ScoreComponent:
    value = 1.0 - sum(FLAG_PENALTIES[flag] for flag in known)
    detail = "No risk flags" if not known else "Risk flags: " + ", ".join(known)
    return _component("risk", value, detail)


def freshness(age_days: float) -> ScoreComponent:
    return _freshness(_whole_days(age_days))


def _whole_days(age_days: float) -> int:
    return int(age_days) if math.isfinite(age_days) else STALE_DAYS


@lru_cache(maxsize=1024)
def _freshness(age_days: int) -> ScoreComponent:
    age = max(0.0, float(age_days))
    if age <= FRESH_DAYS:
        value = 1.0
    elif age >= STALE_DAYS:
        value = STALE_FLOOR
    else:
        value = 1.0 - (1.0 - STALE_FLOOR) * (age - FRESH_DAYS) / (STALE_DAYS - FRESH_DAYS)
    return _component("freshness", value, f"{int(age)} days old")


@lru_cache(maxsize=2)
def uniqueness(duplicate_in_marketplace: bool) -> ScoreComponent:
    if duplicate_in_marketplace:
        return _component(
            "uniqueness", DUPLICATE_UNIQUENESS, "Another vendor lists the same contact"
        )
    return _component("uniqueness", 1.0, "Not listed by another vendor")


def score_lead(
    outcome: RowOutcome, *, duplicate_in_marketplace: bool, age_days: float
) -> QualityScore:
    """The weighted score of one evaluated row, with every component for the buyer to read."""
    return _scored(
        _present(outcome.fields),
        _valid_and_invalid(outcome),
        _known_flags(outcome.flags),
        _whole_days(age_days),
        duplicate_in_marketplace,
    )


@lru_cache(maxsize=4096)
def _scored(
    present: tuple[str, ...],
    valid_and_invalid: tuple[int, int],
    flags: tuple[str, ...],
    age_days: int,
    duplicate_in_marketplace: bool,
) -> QualityScore:
    """One shared score (and encoded breakdown) per distinct input: a file's rows repeat a
    few hundred patterns, so most rows reuse one instead of building and encoding their own."""
    components = (
        _completeness(present),
        _validity(*valid_and_invalid),
        _risk(flags),
        _freshness(age_days),
        uniqueness(duplicate_in_marketplace),
    )
    return QualityScore(_total(components), SCORE_VERSION, components)


def as_marketplace_duplicate(score: QualityScore) -> QualityScore:
    """The same score once the database shows another vendor lists the contact."""
    components = tuple(uniqueness(True) if c.name == "uniqueness" else c for c in score.components)
    return QualityScore(_total(components), score.version, components)


def from_breakdown(breakdown: str, version: str) -> QualityScore:
    """A score back from its stored breakdown (`score_breakdown`, encoded JSON; orjson reads
    only exact str, not JSONText)."""
    components = tuple(ScoreComponent(**component) for component in orjson.loads(str(breakdown)))
    return QualityScore(_total(components), version, components)


def _total(components: tuple[ScoreComponent, ...]) -> float:
    value = round(sum(c.weight * c.value for c in components), 3)
    return min(1.0, max(0.0, value))
