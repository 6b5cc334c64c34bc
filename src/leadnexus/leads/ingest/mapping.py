"""Suggest which canonical field each CSV column holds, from its header and its sample values.

Header evidence first (exact name, synonym, then fuzzy), then the sample values confirm, contradict
or, for an unnamed column such as "Col3", supply the field. Each field goes to one column only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from leadnexus.leads.validation.places import normalise_country
from leadnexus.leads.validation.required import clean
from leadnexus.leads.validation.results import FIELD_NAMES

# The row fields, plus two that are split into others: full_name into first and last name (the
# required stage), location ("Austin, Texas, United States") into city, region and country
# (normalisation).
_CITY = FIELD_NAMES.index("city") + 1
CANONICAL_FIELDS = (
    *FIELD_NAMES[:2],
    "full_name",
    *FIELD_NAMES[2:_CITY],
    "location",
    *FIELD_NAMES[_CITY:],
)

Method = Literal["exact", "synonym", "fuzzy", "content", "none"]

SYNONYM_CONFIDENCE = 0.95
FUZZY_CUTOFF = 85
FUZZY_SCALE = 0.8
CONTENT_STRONG_SHARE = 0.8
CONTENT_WEAK_SHARE = 0.3
MAX_SAMPLES = 5
# A column empty in every sample row is kept, but loses to a column with values and the same
# header evidence: Apollo's empty "Mobile Phone" beside "Work Direct Phone", a second "Email".
EMPTY_COLUMN_SCALE = 0.8
MAX_SAMPLE_CHARS = 100

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "first_name": ("first", "firstname", "given name", "forename", "fname"),
    "last_name": ("last", "lastname", "surname", "family name", "lname"),
    "full_name": ("name", "contact", "full name", "fullname", "contact name", "person name"),
    "email": (
        "email address",
        "work email",
        "business email",
        "email id",
        "mail",
        "corporate email",
        "email 1",
    ),
    "phone": (
        "phone number",
        "phone number",
        "mobile",
        "mobile phone",
        "mobile number",
        "cell",
        "cell phone",
        "tel",
        "telephone",
        "direct dial",
        "direct phone",
        "direct phone number",
        "work phone",
        "work direct phone",
        "first phone",
        "business phone",
    ),
    "job_title": ("title", "position", "role", "job", "job role", "designation", "jobtitle"),
    "seniority": ("seniority level", "level", "management level"),
    "department": ("departments", "function", "job function", "team", "division"),
    "company_name": (
        "company",
        "org",
        "organisation",
        "organization",
        "organisation name",
        "organization name",
        "account",
        "account name",
        "company account",
        "employer",
        "business name",
        "companyname",
    ),
    "website": (
        "domain",
        "url",
        "web",
        "website url",
        "web site",
        "company website",
        "company domain",
        "homepage",
        "site",
    ),
    "company_size": (
        "employees",
        "headcount",
        "employee count",
        "number of employees",
        "number employees",
        "no of employees",
        "size",
        "company headcount",
        "staff count",
    ),
    "annual_revenue": ("revenue", "company revenue", "turnover", "sales volume"),
    "industry": ("sector", "vertical", "industry type", "company industry"),
    "country": ("country region", "country name", "nation", "country code"),
    "region": ("state", "province", "state region", "state province", "county", "territory"),
    "city": ("town", "locality", "city town"),
    "location": ("person location", "contact location", "geo location", "city state country"),
    "linkedin_url": (
        "linkedin",
        "linkedin profile",
        "linkedin profile url",
        "person linkedin url",
        "profile url",
        "li url",
        "linkedin link",
    ),
    "description": ("notes", "comments", "note", "comment", "about", "summary", "remarks"),
    "consent_source": (
        "consent",
        "consent source",
        "opt in source",
        "permission source",
        "source of consent",
        "consent method",
    ),
    "consent_date": ("consent date", "opt in date", "consented at", "consent timestamp"),
    "title": ("lead title", "headline", "lead name", "lead headline"),
}
# German and French Excel exports (the cp1252, semicolon files) name their columns in their
# language; normalise_header has already folded accents and "ß" ("Straße" -> "strasse").
_LOCAL_SYNONYMS: dict[str, tuple[str, ...]] = {
    "first_name": ("vorname", "prenom"),
    "last_name": ("nachname", "familienname", "nom", "nom de famille"),
    "email": ("email adresse", "courriel", "adresse email"),
    "phone": ("telefon", "telefonnummer", "mobil", "handy", "numero de telephone"),
    "job_title": ("berufsbezeichnung", "jobtitel", "fonction", "poste", "intitule du poste"),
    "department": ("abteilung",),
    "company_name": ("firma", "firmenname", "unternehmen", "societe", "entreprise"),
    "website": ("webseite", "internetseite", "site web", "site internet"),
    "company_size": ("mitarbeiter", "mitarbeiterzahl", "anzahl mitarbeiter", "effectif"),
    "annual_revenue": ("umsatz", "jahresumsatz", "chiffre d affaires"),
    "industry": ("branche", "secteur", "secteur d activite"),
    "country": ("land", "pays"),
    "region": ("bundesland",),
    "city": ("ort", "stadt", "ville"),
}
# Plausible but second-best columns: a direct line beats a switchboard, a person's city the HQ's.
_WEAK_SYNONYMS: dict[str, tuple[str, float]] = {
    "company phone": ("phone", 0.6),
    "corporate phone": ("phone", 0.6),
    "hq phone": ("phone", 0.6),
    "home phone": ("phone", 0.5),
    "other phone": ("phone", 0.5),
    "personal email": ("email", 0.6),
    "secondary email": ("email", 0.5),
    "other email": ("email", 0.5),
    "company city": ("city", 0.6),
    "company state": ("region", 0.6),
    "company country": ("country", 0.6),
    "company location": ("location", 0.6),
    "hq location": ("location", 0.6),
    "seo description": ("description", 0.4),
}
# Headers that name something we deliberately do not import.
_IGNORED = frozenset(
    {
        "id",
        "record id",
        "contact id",
        "lead id",
        "zip",
        "zip code",
        "postal code",
        "zip postal code",
        "postcode",
        "fax",
        "company linkedin url",
        "company linkedin",
        "lead source",
        "lead status",
        "status",
        "owner",
        "contact owner",
        "lead owner",
        "account owner",
        "create date",
        "created date",
        "created at",
        "last modified date",
        "stage",
        "rating",
        "salutation",
        "middle name",
        "street",
        "address",
        "twitter url",
        "facebook url",
        "keywords",
        "technologies",
    }
)
_CONTACT_WORDS = frozenset({"email", "mail", "phone", "mobile", "tel", "telephone", "cell"})
# With a contact word ("Email consent", "Phone type") these make a column about the contact.
_GUARD_WORDS = frozenset(
    {
        "consent",
        "optin",
        "optout",
        "opt",
        "unsubscribe",
        "unsubscribed",
        "verified",
        "verification",
        "status",
        "type",
        "source",
        "date",
        "confidence",
        "bounce",
        "bounced",
        "valid",
        "validity",
        "score",
        "catch",
        "permission",
        "preference",
        "preferences",
        "subscription",
        "marketing",
    }
)
_CONSENT_WORDS = frozenset({"consent", "optin", "opt", "permission"})
_NOISE_PREFIXES = frozenset({"contact", "lead", "person", "primary", "prospect", "main"})

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_TRAILING_NUMBER = re.compile(r" \d+$")
_EMAIL_VALUE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_URL_VALUE = re.compile(
    r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]\S*)?$", re.IGNORECASE
)
_LINKEDIN_PERSON = re.compile(r"linkedin\.com/(?:in|pub|sales/lead|sales/people)/", re.IGNORECASE)
_PHONE_VALUE = re.compile(r"^\+?[\d\s().\-/]{7,25}(?:\s*(?:x|ext\.?)\s*\d{1,6})?$", re.IGNORECASE)
_PHONE_SEPARATORS = re.compile(r"^\+|[\s().\-/]")


@dataclass(frozen=True)
class ColumnSuggestion:
    column: str
    index: int
    field: str | None
    confidence: float  # 0..1
    method: Method
    samples: list[str]


def normalise_header(header: str) -> str:
    """Compare-ready header: "E-mail Address" -> "email address", "Phone #" -> "phone number"."""
    text = _CAMEL.sub(" ", header).replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"e[\s_-]?mail", "email", text)
    text = text.replace("#", " number ").replace("&", " and ")
    # Splitting camelCase also splits the brand "LinkedIn"; join it again.
    return _NON_WORD.sub(" ", text).strip().replace("linked in", "linkedin")


def _lookup_table() -> dict[str, tuple[str, float, Method]]:
    table: dict[str, tuple[str, float, Method]] = {}
    for name, (field, confidence) in _WEAK_SYNONYMS.items():
        table[name] = (field, confidence, "synonym")
    for field, synonyms in (*_SYNONYMS.items(), *_LOCAL_SYNONYMS.items()):
        for synonym in synonyms:
            table[synonym] = (field, SYNONYM_CONFIDENCE, "synonym")
    for field in CANONICAL_FIELDS:
        table[field.replace("_", " ")] = (field, 1.0, "exact")
    # A person's "Title" is the job title; the lead's own title is only "Lead Title"/"Headline".
    table["title"] = ("job_title", SYNONYM_CONFIDENCE, "synonym")
    return table


_TABLE = _lookup_table()
# The other languages' words are matched exactly only: short ones such as "ort", "nom" or
# "land" sit a letter away from English headers ("Port", "Norm", "Lands").
_LOCAL_WORDS = {synonym for synonyms in _LOCAL_SYNONYMS.values() for synonym in synonyms}
# "Allocation" and "Relocation" are a letter or two from "location" and mean something else.
_EXACT_ONLY = _LOCAL_WORDS | {"location"}
_FUZZY_KEYS = tuple(key for key in _TABLE if key not in _EXACT_ONLY)

Candidate = tuple[str, float, Method]


def _is_about_contact(words: set[str]) -> bool:
    """True for headers such as "Email consent" or "Phone type": about the contact, not it."""
    return bool(words & _CONTACT_WORDS and words & _GUARD_WORDS)


def _consent_field(words: set[str], norm: str) -> Candidate | None:
    if words & _CONSENT_WORDS or "opt in" in norm:
        if "source" in words:
            return ("consent_source", 0.8, "synonym")
        if "date" in words:
            return ("consent_date", 0.8, "synonym")
    return None


def _from_header(norm: str) -> Candidate | None:
    if norm in _TABLE:
        return _TABLE[norm]
    stripped = _TRAILING_NUMBER.sub("", norm)
    if stripped in _TABLE:
        field, confidence, method = _TABLE[stripped]
        return field, confidence * 0.95, method
    head, _, rest = norm.partition(" ")
    if head in _NOISE_PREFIXES and rest in _TABLE:
        field, confidence, method = _TABLE[rest]
        return field, confidence * 0.95, method
    best = process.extractOne(
        norm, _FUZZY_KEYS, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_CUTOFF
    )
    if best is None:
        return None
    field, confidence, _ = _TABLE[best[0]]
    return field, round(confidence * FUZZY_SCALE * best[1] / 100, 3), "fuzzy"


def _value_kind(value: str) -> str | None:
    if _EMAIL_VALUE.match(value):
        return "email"
    if _LINKEDIN_PERSON.search(value):
        return "linkedin_url"
    if "linkedin.com/" in value.lower():
        return "company_linkedin"
    if _URL_VALUE.match(value):
        return "website"
    if _PHONE_VALUE.match(value) and 7 <= sum(char.isdigit() for char in value) <= 15:
        return "phone"
    if normalise_country(value):
        return "country"
    return None


def _content(values: list[str]) -> tuple[str | None, dict[str, float]]:
    """The dominant kind of value (share >= 80%) and each kind's share."""
    if not values:
        return None, {}
    counts: dict[str, int] = {}
    for value in values:
        kind = _value_kind(value)
        if kind:
            counts[kind] = counts.get(kind, 0) + 1
    shares = {kind: count / len(values) for kind, count in counts.items()}
    strong = max(shares, key=lambda kind: shares[kind], default=None)
    if strong is None or shares[strong] < CONTENT_STRONG_SHARE:
        return None, shares
    return strong, shares


_CONTACT_FIELDS = frozenset({"email", "phone", "website", "linkedin_url"})
# Kinds that cannot be mistaken: IDs and revenue look like phones, US states like countries.
_UNAMBIGUOUS_KINDS = frozenset({"email", "linkedin_url"})


def _content_only(
    kind: str | None, shares: dict[str, float], values: list[str]
) -> Candidate | None:
    if kind is None or kind == "company_linkedin":
        return None
    if kind == "phone" and sum(1 for v in values if _PHONE_SEPARATORS.search(v)) * 2 < len(values):
        return None  # bare digit strings are more often ids than phone numbers
    confidence = 0.6 if kind == "country" else min(0.85, 0.5 + 0.35 * shares[kind])
    return kind, round(confidence, 3), "content"


def _weigh(
    header: Candidate | None, kind: str | None, shares: dict[str, float], values: list[str]
) -> Candidate | None:
    """Combine header evidence with what the values look like."""
    content = _content_only(kind, shares, values)
    if header is None:
        return content
    field, confidence, method = header
    if not values:
        return header
    if kind == field or (field in _CONTACT_FIELDS and shares.get(field, 0) >= CONTENT_STRONG_SHARE):
        return field, min(1.0, round(confidence + 0.05, 3)), method
    contradicted = (
        field in _CONTACT_FIELDS and (kind is not None or shares.get(field, 0) < CONTENT_WEAK_SHARE)
    ) or kind in _UNAMBIGUOUS_KINDS
    if not contradicted:
        return header
    lowered: Candidate = (field, round(confidence * 0.5, 3), method)
    if content is not None and content[1] > lowered[1]:
        return content
    return lowered


def _samples(index: int, rows: list[list[str]]) -> list[str]:
    """The column's values as the pipeline will read them: "N/A" is no value, and "'+1 415 …"
    (a phone written as text for Excel) is a phone."""
    cleaned = (clean(row[index][: MAX_SAMPLE_CHARS * 2]) for row in rows if index < len(row))
    return [value[:MAX_SAMPLE_CHARS] for value in cleaned if value]


def _weakened_for_empty_column(candidate: Candidate | None) -> Candidate | None:
    if candidate is None:
        return None
    field, confidence, method = candidate
    return field, round(confidence * EMPTY_COLUMN_SCALE, 3), method


def _candidate(header: str, values: list[str]) -> Candidate | None:
    norm = normalise_header(header)
    words = set(norm.split())
    if norm in _IGNORED:
        return None
    if _is_about_contact(words):
        return _consent_field(words, norm)
    kind, shares = _content(values)
    return _weigh(_from_header(norm) if norm else None, kind, shares, values)


def suggest_mapping(headers: list[str], sample_rows: list[list[str]]) -> list[ColumnSuggestion]:
    """One suggestion per column; each canonical field is given to its most confident column."""
    values = [_samples(index, sample_rows) for index in range(len(headers))]
    candidates = [_candidate(header, values[i]) for i, header in enumerate(headers)]
    if sample_rows:
        candidates = [
            c if values[i] else _weakened_for_empty_column(c) for i, c in enumerate(candidates)
        ]
    ranked = sorted(
        (index for index, candidate in enumerate(candidates) if candidate),
        key=lambda index: -candidates[index][1],  # type: ignore[index]
    )
    taken: set[str] = set()
    winners: dict[int, Candidate] = {}
    for index in ranked:
        candidate = candidates[index]
        assert candidate is not None
        if candidate[0] not in taken:
            taken.add(candidate[0])
            winners[index] = candidate
    return [
        _suggestion(header, index, winners.get(index), values[index][:MAX_SAMPLES])
        for index, header in enumerate(headers)
    ]


def _suggestion(
    header: str, index: int, candidate: Candidate | None, samples: list[str]
) -> ColumnSuggestion:
    if candidate is None:
        return ColumnSuggestion(header, index, None, 0.0, "none", samples)
    field, confidence, method = candidate
    return ColumnSuggestion(header, index, field, confidence, method, samples)
