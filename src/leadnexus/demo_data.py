"""Realistic lead files, defects included, for `seed-demo` and the ingest benchmark.

The files look like exports from other tools: their own header conventions, a mix of countries
and phone formats, and the defects real files carry (invalid and disposable emails, bad phones,
duplicates, missing fields). Faker fills small pools once per locale; rows combine pool entries
with co-prime strides, so 100,000 distinct people cost a few seconds rather than minutes.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass
from pathlib import Path

from faker import Faker

# One header style per file; every style maps onto the canonical fields.
HEADER_STYLES = {
    "crm": [
        "First Name", "Last Name", "E-mail Address", "Phone #", "Title", "Org", "Website",
        "Employees", "Industry", "Country", "State", "City", "LinkedIn", "Notes",
    ],
    "sales_tool": [
        "first_name", "last_name", "work_email", "direct_dial", "job_title", "company",
        "company_domain", "headcount", "sector", "country_code", "region", "city",
        "linkedin_profile", "description",
    ],
    "spreadsheet": [
        "Name", "Surname", "Email", "Mobile", "Position", "Organisation", "URL", "Company Size",
        "Vertical", "Country", "Province", "Town", "LinkedIn URL", "Comments",
    ],
}  # fmt: skip
LOCALES = {"en_US": "US", "en_GB": "GB", "de_DE": "DE", "fr_FR": "FR", "en_CA": "CA"}
INDUSTRIES = [
    "Software", "SaaS", "Financial Services", "Banking", "Healthcare", "Hospitals",
    "Manufacturing", "Retail", "E-commerce", "Logistics", "Telecommunications", "Insurance",
    "Real Estate", "Education", "Marketing & Advertising", "Energy", "Automotive", "Legal",
]  # fmt: skip
TITLES = [
    "Chief Revenue Officer", "VP Sales", "VP of Marketing", "Head of Marketing",
    "Director of Operations", "IT Director", "Sales Manager", "Marketing Manager",
    "Account Executive", "Software Engineer", "CFO", "HR Business Partner", "Procurement Lead",
    "Customer Success Manager", "Product Manager", "CTO", "Head of Growth",
]  # fmt: skip
SIZES = ["1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5001+", "250", "45"]
DISPOSABLE = ["mailinator.com", "10minutemail.com", "guerrillamail.com", "yopmail.com"]
# Co-prime pool sizes: (first, last, company) repeats only after ~10^9 rows.
FIRST, LAST, COMPANY, PHONE, CITY = 211, 223, 227, 229, 97
NOT_ALNUM = re.compile(r"[^a-z0-9]")
DIGITS = re.compile(r"\d")


@dataclass(frozen=True)
class _Pool:
    country: str
    firsts: list[str]
    lasts: list[str]
    companies: list[str]
    phones: list[str]
    cities: list[str]
    regions: list[str]
    notes: list[str]


def _pool(locale: str, seed: int) -> _Pool:
    fake = Faker(locale)
    fake.seed_instance(seed)
    region = getattr(fake, "state", None) or getattr(fake, "region", None) or fake.city
    return _Pool(
        country=LOCALES[locale],
        firsts=[fake.first_name() for _ in range(FIRST)],
        lasts=[fake.last_name() for _ in range(LAST)],
        companies=[fake.company() for _ in range(COMPANY)],
        phones=[fake.phone_number() for _ in range(PHONE)],
        cities=[fake.city() for _ in range(CITY)],
        regions=[region() for _ in range(CITY)],
        notes=[fake.sentence(nb_words=12) for _ in range(CITY)],
    )


def _unique_phone(phone: str, serial: int) -> str:
    """Replace the last four digits with a serial, so rows don't share numbers by accident."""
    phone = phone.split("x")[0]  # an extension would be dropped by E.164, merging numbers
    digits = f"{serial % 10000:04d}"
    positions = [m.start() for m in DIGITS.finditer(phone)][-4:]
    chars = list(phone)
    for position, digit in zip(positions, digits, strict=False):
        chars[position] = digit
    return "".join(chars)


def _row(pool: _Pool, i: int, rng: random.Random) -> list[str]:
    first, last = pool.firsts[i % FIRST], pool.lasts[(i // FIRST) % LAST]
    company = pool.companies[(i * 7) % COMPANY]
    domain = NOT_ALNUM.sub("", company.lower())[:20] + (".com", ".io", ".net")[i % 3]
    local = NOT_ALNUM.sub("", f"{first}.{last}".lower()) or "contact"
    return [
        first,
        last,
        f"{local}.{i}@{domain}",
        _unique_phone(pool.phones[i % PHONE], i // PHONE),
        TITLES[i % len(TITLES)],
        company,
        (f"https://www.{domain}", domain, f"http://{domain}/about")[i % 3],
        SIZES[i % len(SIZES)],
        INDUSTRIES[(i * 5) % len(INDUSTRIES)],
        pool.country,
        pool.regions[i % CITY],
        pool.cities[i % CITY],
        f"https://www.linkedin.com/in/{local}-{i}",
        pool.notes[(i * 3) % CITY],
    ]


def _with_defect(row: list[str], rng: random.Random, previous: list[list[str]]) -> list[str]:
    """About one row in five carries a defect real files have."""
    roll = rng.random()
    if roll < 0.04:
        row[2] = row[2].replace("@", " at ")  # invalid email
    elif roll < 0.07:
        row[2] = row[2].split("@")[0] + "@" + rng.choice(DISPOSABLE)
    elif roll < 0.11:
        row[3] = "12"  # bad phone
    elif roll < 0.15 and previous:
        row = list(rng.choice(previous))  # duplicate within the file
    elif roll < 0.19:
        row[2], row[3] = "", ""  # no way to contact
    elif roll < 0.21:
        row[2] = "info@" + row[2].split("@")[1]  # role mailbox
    return row


def write_leads_csv(path: Path, rows: int, *, seed: int = 7, style: str = "crm") -> Path:
    """Write `rows` data rows in the given header style; deterministic for a seed."""
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    pools = [_pool(locale, seed + n) for n, locale in enumerate(LOCALES)]
    previous: list[list[str]] = []
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER_STYLES[style])
        for i in range(rows):
            row = _with_defect(_row(pools[i % len(pools)], i, rng), rng, previous)
            if len(previous) < 500 and rng.random() < 0.2:
                previous.append(row)
            writer.writerow(row)
    return path
