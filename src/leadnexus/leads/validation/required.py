"""Stage 1: clean the raw cells, split a full name, and check the required groups and lengths."""

from __future__ import annotations

import re
from decimal import Decimal

from leadnexus.leads.validation.results import RowContext, StageReport, StageResult

STAGE = "required"

MAX_LENGTHS: dict[str, int] = {
    "first_name": 100,
    "last_name": 100,
    "email": 254,
    "phone": 32,
    "job_title": 150,
    "company_name": 200,
    "website": 255,
    "linkedin_url": 255,
    "city": 100,
    "region": 100,
    "description": 5000,
    # Not in the brief's list, but the lead columns are this wide (leads/models.py).
    "annual_revenue": 64,
    "consent_source": 200,
    "title": 200,
}
# Exports from spreadsheets and CRMs fill empty cells with these; they mean "no value".
PLACEHOLDERS = frozenset(
    {
        "",
        "-",
        "--",
        "---",
        "n/a",
        "na",
        "n.a.",
        "null",
        "none",
        "nil",
        "unknown",
        "?",
        "tbd",
        "#n/a",
    }
)
_LONGEST_PLACEHOLDER = max(map(len, PLACEHOLDERS))
# Placeholders that are also family names (Na is a Korean surname; Null and Nil exist): in a
# name column, written as a name is written, they are the name.
_NAMES_LIKE_PLACEHOLDERS = frozenset({"Na", "Nil", "Null"})
# NUL and other control characters break PostgreSQL text columns and CSV exports.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")
_MULTILINE_FIELDS = frozenset({"description"})
# A leading ' is the spreadsheet "keep this as text" marker: tools (and our own error report)
# put it before formula characters and numbers. It is not part of the value.
_TEXT_MARKED = frozenset("=+-@0123456789")
_LEFTOVER_STARTS = frozenset("'\"")

# Excel shows a long number as "4.15555E+09" and exports it so: the digits past the sixth are
# gone, and "add a country code" would be the wrong advice.
_SCIENTIFIC = re.compile(r"^\d[.,]\d+E\+?\d{1,2}$", re.IGNORECASE)
# A numeric column with blanks is written as floats by pandas and some exporters: "4155552671.0".
_FLOAT_NUMBER = re.compile(r"^(\+?\d{6,15})\.0$")

# Mail clients and HTML scrapes wrap the address: "mailto:ann@x.io", "Ann Lee <ann@x.io>".
_BRACKETED_ADDRESS = re.compile(r"<([^<>\s]+@[^<>\s]+)>$")
_MAILTO = "mailto:"

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "esq"})
# A surname starts at its particle: "Anna van der Berg" -> "Anna" + "van der Berg".
NAME_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "del", "della", "da", "di", "du", "la", "le", "ten", "ter"}
)


def clean(value: str | None, *, multiline: bool = False) -> str | None:
    """Strip control characters, padding and spreadsheet leftovers; placeholders such as "N/A"
    are None."""
    if value is None:
        return None
    if value.isprintable():
        # Fast path for the common cell: no control characters, tabs or newlines.
        text = value.strip()
        if "  " in text:
            text = _SPACES.sub(" ", text)
    else:
        text = _CONTROL.sub("", value).strip()
        if not multiline:
            text = _SPACES.sub(" ", text)
    if text and text[0] in _LEFTOVER_STARTS:
        text = _without_leftovers(text)
    return None if len(text) <= _LONGEST_PLACEHOLDER and text.lower() in PLACEHOLDERS else text


def _without_leftovers(text: str) -> str:
    if text[0] == "'":
        return text[1:] if text[1:2] in _TEXT_MARKED else text
    # `a, "b"`: CSV quotes only count right after the separator, so a space before them leaves
    # them in the cell. (Reading such files with skipinitialspace would let one stray quote
    # swallow every later row.)
    if len(text) >= 2 and text[-1] == '"' and '"' not in text[1:-1]:
        return text[1:-1].strip()
    return text


def _bare(token: str) -> str:
    return token.lower().strip(".,")


def split_full_name(full_name: str) -> tuple[str | None, str | None]:
    """Split a full name: both "Smith, John" and "Dr. John Smith Jr." give ("John", "Smith")."""
    if "," in full_name:
        head, tail = (part.strip() for part in full_name.split(",", 1))
        # "Smith, John" is surname first; "John Smith, Jr." only carries a suffix.
        full_name = f"{tail} {head}" if tail and _bare(tail) not in _SUFFIXES else head
    tokens = full_name.split()
    while tokens and _bare(tokens[0]) in _HONORIFICS:
        tokens.pop(0)
    while len(tokens) > 1 and _bare(tokens[-1]) in _SUFFIXES:
        tokens.pop()
    if not tokens:
        return None, None
    if len(tokens) == 1:
        return tokens[0], None
    start = len(tokens) - 1
    for index in range(1, len(tokens) - 1):
        if tokens[index].lower() in NAME_PARTICLES:
            start = index
            break
    return " ".join(tokens[:start]), " ".join(tokens[start:])


def unwrap_email(value: str) -> str:
    """The address inside a mailto: link or angle brackets; other values, and cells with more
    than one address (the validator says so), are left as they are."""
    if value.count("@") != 1:
        return value
    if value.endswith(">"):
        match = _BRACKETED_ADDRESS.search(value)
        value = match.group(1) if match else value
    if value[: len(_MAILTO)].lower() == _MAILTO:
        value = value[len(_MAILTO) :].split("?", 1)[0].strip()
    return value


def _fill_fields(ctx: RowContext) -> None:
    fields, raw = ctx.fields, ctx.raw
    for name in fields:
        value = raw.get(name)
        # clean(None) is None; most files map only some of the fields.
        fields[name] = None if value is None else clean(value, multiline=name in _MULTILINE_FIELDS)
    email = fields["email"]
    if email and (email[-1] == ">" or email[:1] in "mM"):
        fields["email"] = unwrap_email(email) or None
    for name in ("first_name", "last_name"):
        value = raw.get(name)
        if fields[name] is None and value and value.strip() in _NAMES_LIKE_PLACEHOLDERS:
            fields[name] = value.strip()
    full_name = clean(ctx.raw.get("full_name"))
    if full_name and not (ctx.fields["first_name"] or ctx.fields["last_name"]):
        ctx.fields["first_name"], ctx.fields["last_name"] = split_full_name(full_name)


def _exact_digits(scientific: str) -> str | None:
    """The integer a spreadsheet's E-notation still holds in full, else None (digits lost)."""
    number = Decimal(scientific.replace(",", "."))
    # An exponent of 0 means every digit was written out: "4.155552671E+09" is 4155552671.
    return str(int(number)) if number.as_tuple().exponent == 0 else None


def _spreadsheet_phone(ctx: RowContext) -> None:
    """Undo what spreadsheets do to phone numbers stored as numbers, or say the number is lost.

    Runs after the required groups: a lost number still counts as given, so the row's reason
    is this one and not "missing_contact".
    """
    phone = ctx.fields["phone"]
    # Cheap test first: only these two forms need a closer look.
    if phone is None or not (phone.endswith(".0") or "E" in phone or "e" in phone):
        return
    if match := _FLOAT_NUMBER.match(phone):
        ctx.fields["phone"] = match.group(1)
    elif _SCIENTIFIC.match(phone):
        ctx.fields["phone"] = _exact_digits(phone)
        if ctx.fields["phone"] is None:
            ctx.phone_error = (
                f"A spreadsheet turned the phone number into {phone} and lost its last digits; "
                "format the column as text and export it again."
            )


def check(ctx: RowContext) -> StageResult:
    """Fill ctx.fields with cleaned raw values and fail rows that lack a required group."""
    _fill_fields(ctx)
    report = StageReport(STAGE)
    f = ctx.fields
    if not (f["email"] or f["phone"]):
        report.fail("missing_contact", "Give an email address or a phone number.")
    if not (f["first_name"] or f["last_name"] or f["job_title"]):
        report.fail("missing_person", "Give the contact's name or job title.")
    if not (f["company_name"] or f["website"]):
        report.fail("missing_company", "Give a company name or website.")
    for name, limit in MAX_LENGTHS.items():
        value = f[name]
        if value is not None and len(value) > limit:
            report.fail("too_long", f"Use at most {limit} characters.", name)
    _spreadsheet_phone(ctx)
    return report.result()
