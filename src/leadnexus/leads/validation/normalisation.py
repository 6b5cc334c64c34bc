"""Stage 2: bring every value into its canonical form. Normalisers never raise; they warn."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import urlsplit

import email_validator
import phonenumbers
import tldextract
from email_validator import EmailNotValidError, validate_email
from email_validator.rfc_constants import (
    CASE_INSENSITIVE_MAILBOX_NAMES,
    DOT_ATOM_TEXT,
    EMAIL_MAX_LENGTH,
    LOCAL_PART_MAX_LENGTH,
)
from email_validator.syntax import validate_email_domain_name
from phonenumbers import PhoneMetadata, PhoneNumberType, national_significant_number
from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE

from leadnexus.leads.validation import redaction, taxonomy
from leadnexus.leads.validation.places import normalise_country, split_location
from leadnexus.leads.validation.required import MAX_LENGTHS, NAME_PARTICLES, clean
from leadnexus.leads.validation.results import RowContext, StageReport, StageResult

STAGE = "normalisation"

try:  # private in phonenumbers; without it the public (slower) calls are used
    from phonenumbers.phonenumberutil import _number_type_helper
except ImportError:  # pragma: no cover - depends on the installed phonenumbers
    _number_type_helper = None

# Every pattern phonenumbers compiles comes from its fixed metadata, so this cache is bounded;
# it turns a re.compile cache lookup (~30 per number) into a dict lookup. Results are unchanged.
if hasattr(phonenumbers, "enable_pattern_cache"):
    phonenumbers.enable_pattern_cache()

# Bundled public-suffix snapshot: no network and no cache directory at run time.
_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

_LETTER_RUN = re.compile(r"[^\W\d_]+")
_HOST = re.compile(r"^(?=.{4,253}$)(?:[\w](?:[\w-]{0,61}[\w])?\.)+[\w-]{2,63}$")
_LINKEDIN = re.compile(
    r"^(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/(in|pub|sales/lead|sales/people)/([^/?#\s]+)",
    re.IGNORECASE,
)
_SIZE_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(k)?", re.IGNORECASE)
_THOUSANDS = re.compile(r"(?<=\d)[,.\s](?=\d{3}(?!\d))")
_NUMERIC_DATE = re.compile(r"^(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})(?:[ T].*)?$")
_TEXT_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%d-%b-%Y", "%d-%b-%y")
_MIN_CONSENT_YEAR = 1990


def _capitalise(word: str) -> str:
    lowered = word.lower()
    # "mcdonald" -> "McDonald"; "Mac" is left alone because Mack and Macy are names too.
    if lowered.startswith("mc") and len(lowered) > 2:
        return "Mc" + lowered[2:].capitalize()
    return lowered.capitalize()


def smart_case_name(value: str) -> str:
    """Title-case a name typed in one case; a name with mixed case is the vendor's choice."""
    if not (value.isupper() or value.islower()):
        return value
    words = value.lower().split(" ")
    cased = [
        word
        if index > 0 and word in NAME_PARTICLES
        else _LETTER_RUN.sub(lambda match: _capitalise(match.group()), word)
        for index, word in enumerate(words)
    ]
    return " ".join(cased)


@lru_cache(maxsize=8192)
def registrable_domain(value: str) -> str | None:
    """The registrable domain: https://www.shop.example.co.uk/path -> example.co.uk, or None."""
    try:
        domain = _TLD(value).top_domain_under_public_suffix
    except ValueError:
        return None
    return domain.lower() or None


def url_host(value: str) -> str | None:
    """The host of a URL typed with or without a scheme, or None when it has no valid host."""
    if any(char.isspace() for char in value):
        return None
    candidate = value if "://" in value else "http://" + value
    try:
        parts = urlsplit(candidate)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host or not _HOST.match(host):
        return None
    return host


@lru_cache(maxsize=65536)
def normalise_website(value: str) -> str | None:
    host = url_host(value)
    return registrable_domain(host) if host else None


def normalise_linkedin(value: str) -> str | None:
    match = _LINKEDIN.match(value)
    if not match:
        return None
    return f"https://www.linkedin.com/{match.group(1).lower()}/{match.group(2)}"


@lru_cache(maxsize=65536)
def normalise_company_size(value: str) -> str | None:
    """A size band from "250", "51-200 employees", "1,001-5,000", "10k+" or "self-employed"."""
    text = value.lower()
    if text in {band for _, band in taxonomy.SIZE_BANDS} or text == taxonomy.OPEN_SIZE_BAND:
        return text
    numbers = [
        float(number) * (1000 if k else 1)
        for number, k in _SIZE_NUMBER.findall(_THOUSANDS.sub("", text)[:200])[:2]
    ]
    if not numbers:
        return taxonomy.size_band(1) if "self" in text else None
    # A range is placed by its midpoint, so "10-50" lands in 11-50 rather than 1-10.
    return taxonomy.size_band(round(sum(numbers) / len(numbers)))


def _numeric_date(match: re.Match[str], *, month_first: bool) -> date:
    first, separator, second, third = match.groups()
    if len(first) == 4:
        return date(int(first), int(second), int(third))
    year = int(third) + (2000 if len(third) == 2 else 0)
    day, month = int(first), int(second)
    # Ambiguous 03/04/2025: month first only for US leads; dotted dates are always day first.
    if separator != "." and (day <= 12 < month or (month_first and month <= 12 and day <= 12)):
        day, month = month, day
    return date(year, month, day)


def parse_date(value: str, *, month_first: bool = False) -> date | None:
    """A date from ISO 8601, numeric day/month/year forms or English month names; else None."""
    text = value.strip()
    if len(text) > 40:
        return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    match = _NUMERIC_DATE.match(text)
    if match:
        try:
            return _numeric_date(match, month_first=month_first)
        except ValueError:
            return None
    cleaned = text.replace(",", " ").replace(".", " ")
    cleaned = " ".join(cleaned.split())
    for pattern in _TEXT_DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern).date()  # noqa: DTZ007 - a date, no time
        except ValueError:
            continue
    return None


@lru_cache(maxsize=65536)
def _email_domain(
    domain_part: str, test_environment: bool, globally_deliverable: bool
) -> tuple[str, str, str | None] | None:
    """(domain, ascii domain, registrable domain) of a valid domain part; None when invalid."""
    try:
        info = validate_email_domain_name(
            domain_part,
            test_environment=test_environment,
            globally_deliverable=globally_deliverable,
        )
    except (EmailNotValidError, ValueError):
        return None
    domain = info["domain"]
    return domain, info["ascii_domain"], registrable_domain(domain.lower())


def _fast_email(value: str) -> tuple[str, str, str | None] | None:
    """validate_email's result for a plain ASCII local@domain, with the domain checked once.

    Returns (normalized, ascii domain, registrable domain) only where every step of
    validate_email(value, check_deliverability=False) is known to pass and give this result;
    None means "use validate_email" (it also produces the error message for invalid addresses).
    A 100,000-row file has a few thousand domains, and the domain check (IDNA, UTS-46) is most
    of validate_email's cost.
    """
    # ASCII with a dot-atom local part: no display name, quotes, escapes, "<" or combining
    # characters, so validate_email splits at the first "@" and accepts the local part unchanged.
    if not value.isascii():
        return None
    local, at, domain_part = value.partition("@")
    if not at or len(local) > LOCAL_PART_MAX_LENGTH or not DOT_ATOM_TEXT.match(local):
        return None
    if not domain_part or (domain_part.startswith("[") and domain_part.endswith("]")):
        return None
    checked = _email_domain(
        domain_part, email_validator.TEST_ENVIRONMENT, email_validator.GLOBALLY_DELIVERABLE
    )
    if checked is None:
        return None
    domain, ascii_domain, registrable = checked
    if local.lower() in CASE_INSENSITIVE_MAILBOX_NAMES:
        local = local.lower()
    normalized = local + "@" + domain
    # validate_email_length: the original, the normalized and the IDNA ASCII form.
    if (
        len(value) > EMAIL_MAX_LENGTH
        or len(normalized.encode()) > EMAIL_MAX_LENGTH
        or len(local) + 1 + len(ascii_domain) > EMAIL_MAX_LENGTH
    ):
        return None
    return normalized, ascii_domain, registrable


# "ann@x.io; bob@x.io": two addresses in one cell, which the validator calls bad characters.
_SEVERAL_ADDRESSES = re.compile(r"@[^@]*[,;\s][^@]*@")


def _email_problem(value: str, error: Exception) -> str:
    if _SEVERAL_ADDRESSES.search(value):
        return "the cell holds more than one address; keep one per row."
    return str(error)[:200]


def _normalise_email(ctx: RowContext) -> None:
    value = ctx.fields["email"]
    if value is None:
        return
    fast = _fast_email(value)
    if fast is not None:
        normalized, ascii_domain, ctx.email_domain = fast
        ctx.fields["email"] = normalized.lower()
        ctx.email_ascii_domain = ascii_domain.lower()
        return
    try:
        checked = validate_email(value, check_deliverability=False)
    except (EmailNotValidError, ValueError) as error:
        ctx.fields["email"] = None
        ctx.email_error = _email_problem(value, error)
        return
    ctx.fields["email"] = checked.normalized.lower()
    ctx.email_ascii_domain = checked.ascii_domain.lower()
    ctx.email_domain = registrable_domain(checked.domain.lower())


def phone_region_and_type(number: phonenumbers.PhoneNumber) -> tuple[str | None, int]:
    """(region_code_for_number(number), number_type(number)) in one pass.

    number_type finds the region again, and for shared calling codes (+1, +44, +7) finding it
    already computes the type of the matching region: the two public calls do that work three
    times. This follows phonenumbers' own region_code_for_number and number_type step by step.
    """
    if _number_type_helper is None:  # pragma: no cover - depends on the installed phonenumbers
        return phonenumbers.region_code_for_number(number), phonenumbers.number_type(number)
    country_code = number.country_code
    regions = COUNTRY_CODE_TO_REGION_CODE.get(country_code)
    if regions is None:
        return None, PhoneNumberType.UNKNOWN
    national_number = national_significant_number(number)
    if len(regions) == 1:
        region = regions[0]
    else:
        for region_code in regions:
            metadata = PhoneMetadata.metadata_for_region(region_code.upper(), None)
            if metadata is None:
                continue
            if metadata.leading_digits is not None:
                if _leading_digits(metadata.leading_digits).match(national_number):
                    region = region_code
                    break
            else:
                kind = _number_type_helper(national_number, metadata)
                if kind != PhoneNumberType.UNKNOWN:
                    # number_type would look up this same metadata and compute this same type.
                    return region_code, kind
        else:
            return None, PhoneNumberType.UNKNOWN
    metadata = PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)
    if metadata is None:
        return region, PhoneNumberType.UNKNOWN
    return region, _number_type_helper(national_number, metadata)


@lru_cache(maxsize=1024)
def _leading_digits(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _phone_region(ctx: RowContext) -> str | None:
    return ctx.fields["country"] or normalise_country(ctx.defaults.default_country)


def _normalise_phone(ctx: RowContext, report: StageReport) -> None:
    value = ctx.fields["phone"]
    if value is None:
        return
    ctx.fields["phone"] = None
    try:
        number = phonenumbers.parse(value, _phone_region(ctx))
    except phonenumbers.NumberParseException:
        ctx.phone_error = "The phone number could not be read; add a country code (+44 …)."
        return
    # Same verdict as is_valid_number, which would compute the region and the type a second time.
    region, kind = phone_region_and_type(number)
    if region is None or kind == PhoneNumberType.UNKNOWN:
        ctx.phone_error = "The phone number is not a valid number for its country."
        return
    ctx.phone_number, ctx.phone_region, ctx.phone_type = number, region, kind
    ctx.fields["phone"] = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if number.extension:
        report.warn(
            "phone_extension_dropped",
            f"The extension {number.extension} is not kept: phone numbers are stored in "
            "international format (+49 30 …), which has no extensions.",
            "phone",
        )


def _normalise_names(ctx: RowContext) -> None:
    for name in ("first_name", "last_name"):
        value = ctx.fields[name]
        if value:
            ctx.fields[name] = smart_case_name(value)


def _fill_from_location(ctx: RowContext, report: StageReport) -> None:
    """A location column fills the city, region and country the file does not give apart."""
    location = clean(ctx.raw.get("location"))
    if not location:
        return
    for name, value in zip(("city", "region", "country"), split_location(location), strict=True):
        if ctx.fields[name] is not None or value is None:
            continue
        # The country part is one normalise_country recognised; city and region have columns.
        if len(value) > MAX_LENGTHS.get(name, len(value)):
            report.warn(
                "location_unsplit",
                f"The location's {name} part is too long to be a {name}; it was left out.",
                "location",
            )
            continue
        ctx.fields[name] = value


def _normalise_country(ctx: RowContext, report: StageReport) -> None:
    value = ctx.fields["country"]
    if value is None:
        ctx.fields["country"] = normalise_country(ctx.defaults.default_country)
        return
    ctx.fields["country"] = normalise_country(value)
    if ctx.fields["country"] is None:
        report.warn("country_unmapped", "The country was not recognised.", "country")


def _normalise_links(ctx: RowContext) -> None:
    website = ctx.fields["website"]
    if website is not None:
        ctx.fields["website"] = normalise_website(website)
        ctx.website_valid = ctx.fields["website"] is not None
    linkedin = ctx.fields["linkedin_url"]
    if linkedin is not None:
        ctx.fields["linkedin_url"] = normalise_linkedin(linkedin)
        ctx.linkedin_valid = ctx.fields["linkedin_url"] is not None


def _normalise_industry(ctx: RowContext, report: StageReport) -> None:
    value = ctx.fields["industry"] or ctx.defaults.industry
    if value is None:
        return
    ctx.fields["industry"] = taxonomy.match_industry(value)
    if ctx.fields["industry"] is None:
        report.warn("industry_unmapped", "The industry matches no platform sector.", "industry")


def _normalise_role(ctx: RowContext, report: StageReport) -> None:
    title = ctx.fields["job_title"] or ""
    given_seniority, given_department = ctx.fields["seniority"], ctx.fields["department"]
    ctx.fields["seniority"] = (
        taxonomy.match_seniority(given_seniority) if given_seniority else None
    ) or taxonomy.seniority_from_title(title)
    ctx.fields["department"] = (
        taxonomy.match_department(given_department) if given_department else None
    ) or taxonomy.department_from_title(title)
    if given_seniority and taxonomy.match_seniority(given_seniority) is None:
        report.warn("seniority_unmapped", "The seniority was not recognised.", "seniority")
    if given_department and taxonomy.match_department(given_department) is None:
        report.warn("department_unmapped", "The department was not recognised.", "department")


def _normalise_company_size(ctx: RowContext, report: StageReport) -> None:
    value = ctx.fields["company_size"]
    if value is None:
        return
    ctx.fields["company_size"] = normalise_company_size(value)
    if ctx.fields["company_size"] is None:
        report.warn("company_size_unparseable", "The company size is not a number.", "company_size")


def _normalise_consent(ctx: RowContext, report: StageReport) -> None:
    ctx.fields["consent_source"] = ctx.fields["consent_source"] or ctx.defaults.consent_source
    value = ctx.fields["consent_date"]
    if value is None:
        return
    parsed = parse_date(value, month_first=ctx.fields["country"] == "US")
    ctx.fields["consent_date"] = None
    if parsed is None or parsed.year < _MIN_CONSENT_YEAR:
        report.warn(
            "consent_date_unparseable", "The consent date was not recognised.", "consent_date"
        )
    elif parsed > ctx.today:
        report.warn("consent_date_in_future", "The consent date is in the future.", "consent_date")
    else:
        ctx.fields["consent_date"] = parsed.isoformat()


def check(ctx: RowContext) -> StageResult:
    """Normalise ctx.fields in place; the country comes first because the phone depends on it
    (and a location column first of all, because it may give the country)."""
    report = StageReport(STAGE)
    if "location" in ctx.raw:  # a mapping target only some files use
        _fill_from_location(ctx, report)
    _normalise_country(ctx, report)
    _normalise_names(ctx)
    _normalise_email(ctx)
    _normalise_phone(ctx, report)
    _normalise_links(ctx)
    _normalise_industry(ctx, report)
    _normalise_role(ctx, report)
    _normalise_company_size(ctx, report)
    _normalise_consent(ctx, report)
    redaction.check(ctx, report)
    return report.result()
