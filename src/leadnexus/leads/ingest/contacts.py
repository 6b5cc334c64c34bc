"""Who a lead is, for duplicate detection: email, phone, and name at a company.

Email and phone match exactly (both are normalised before they get here). Name + company is
fuzzy: the company is a blocking key (case, accents, punctuation and legal suffixes folded away,
so "ACME, Inc." and "Acme Inc" meet), and within one company the names are compared with
rapidfuzz, so "Jon Smith" and "John Smith", or "Smith John", are the same person there while
"Maria" and "Mario" are not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

LEGAL_SUFFIXES = re.compile(
    r"\b(inc|llc|ltd|limited|gmbh|ag|sa|sas|srl|bv|nv|plc|corp|corporation|co|company|oy|ab)\b"
)
NON_WORD = re.compile(r"[^\w\s]")
SPACES = re.compile(r"\s+")

# Indel similarity, 0-100: one letter more or less scores 93-95 ("jon smith" / "john smith",
# "ann lee" / "anne lee"), one changed letter ~92 in a long name ("jonathan" / "jonathon") but
# less in a short one ("maria garcia" / "mario garcia" 91.7, which can be two people); a
# different first name scores 80 or less.
NAME_SIMILARITY = 92
SEPARATOR = "|"  # never in a folded string: folding turns punctuation into spaces
COMPANY_KEY_LENGTH = 200  # leads.company_key
NAME_KEY_LENGTH = 119  # leads.identity_key holds 320: name, separator, company


@lru_cache(maxsize=16384)
def fold(text: str, *, company: bool = False) -> str:
    """Lower case ASCII words without punctuation; without legal suffixes for a company (a
    person may well be called "Sa" or "Ab")."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = NON_WORD.sub(" ", text)
    if company:
        text = LEGAL_SUFFIXES.sub(" ", text)
    return SPACES.sub(" ", text).strip()


def identity_key(first: str | None, last: str | None, company: str | None) -> str | None:
    """`name|company`, folded; None unless the lead has both a name and a company."""
    name = fold(f"{first or ''} {last or ''}")[:NAME_KEY_LENGTH].strip()
    company_key = fold(company or "", company=True)[:COMPANY_KEY_LENGTH].strip()
    if not name or not company_key:
        return None
    return f"{name}{SEPARATOR}{company_key}"


def company_of(identity: str | None) -> str | None:
    return identity.split(SEPARATOR, 1)[1] if identity else None


def words_sorted(name: str) -> str:
    return " ".join(sorted(name.split()))


def same_identity(one: str | None, other: str | None) -> bool:
    """The same name at the same company, by the rules of ContactSet."""
    if not one or not other:
        return False
    known = ContactSet()
    known.remember(None, None, other)
    return known.hit(None, None, one) is not None


FiledUnder = tuple[str, int, str]  # company key, 0 first word or 1 last word, its initial


def _filed_under(company: str, name: str) -> tuple[FiledUnder, FiledUnder]:
    """The two lists a name is kept in: its company with the initial of its first word, and
    with the initial of its last word. Names NAME_SIMILARITY apart differ by a letter or two, so
    they share one of the two; comparing within those lists, not with everyone at the company,
    keeps a company with thousands of leads from making each new row compare with all of them.
    (Small ints and one-letter strings are shared objects: a key costs its tuple only.)"""
    words = name.split()
    return (company, 0, words[0][0]), (company, 1, words[-1][0])


@dataclass(frozen=True, slots=True)
class _Person:
    name: str
    # hash of "company key|words of the name, sorted": a set of these holds ints, not strings,
    # so a large file's contact set stays smaller. Two different people sharing a 64-bit hash
    # in one job is as likely as one in 10^9 for 200,000 names.
    reordered: int
    filed_under: tuple[FiledUnder, FiledUnder]  # see _filed_under


@lru_cache(maxsize=4096)
def _person(identity: str) -> _Person:
    """An identity key taken apart once: a job asks about each row's identity in the file, the
    vendor's leads and the marketplace, then remembers it (the calls come close together)."""
    name, company = identity.split(SEPARATOR, 1)
    reordered = hash(f"{company}{SEPARATOR}{words_sorted(name)}")
    return _Person(name, reordered, _filed_under(company, name))


@dataclass
class ContactSet:
    """Emails, phones and the people at each company; `hit` says which one a contact matches.

    A name is compared as written, fuzzily, and with its words sorted, exactly (a set lookup
    instead of a second fuzzy pass over the company, which cost as much as the first): so a
    name both misspelt and written family name first is not caught, nor one misspelt in both
    initials (see `_filed_under`).
    """

    emails: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    people: dict[FiledUnder, list[str]] = field(default_factory=dict)  # see _filed_under
    reordered: set[int] = field(default_factory=set)  # see _Person.reordered

    def remember(self, email: str | None, phone: str | None, identity: str | None) -> None:
        if email:
            self.emails.add(email)
        if phone:
            self.phones.add(phone)
        if identity:
            person = _person(identity)
            for key in person.filed_under:
                self.people.setdefault(key, []).append(person.name)
            self.reordered.add(person.reordered)

    def hit(self, email: str | None, phone: str | None, identity: str | None) -> str | None:
        if email and email in self.emails:
            return "email"
        if phone and phone in self.phones:
            return "phone"
        if identity and self.reordered and self._knows(_person(identity)):
            return "name and company"
        return None

    def _knows(self, person: _Person) -> bool:
        # The same words in any order, the exact name included: one set lookup.
        if person.reordered in self.reordered:
            return True
        for key in person.filed_under:
            names = self.people.get(key)
            if names and process.extractOne(
                person.name, names, scorer=fuzz.ratio, score_cutoff=NAME_SIMILARITY
            ):
                return True
        return False
