"""The platform's fixed vocabularies: industries, seniority, departments, size bands, mail lists.

Lookups are cached because a file repeats the same few values on thousands of rows.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz, process

# Sector -> synonyms (normalised: lower case, words separated by single spaces).
INDUSTRIES: dict[str, tuple[str, ...]] = {
    "Software": ("saas", "software development", "computer software", "enterprise software"),
    "IT Services": (
        "information technology",
        "information technology and services",
        "it",
        "it consulting",
        "managed services",
        "tech",
        "technology",
    ),
    "Telecommunications": ("telecom", "telco", "wireless", "networking"),
    "Hardware & Electronics": (
        "computer hardware",
        "electronics",
        "semiconductors",
        "consumer electronics",
    ),
    "Financial Services": ("finance", "fintech", "investment management", "capital markets"),
    "Banking": ("banks", "bank", "retail banking"),
    "Insurance": ("insurtech", "reinsurance"),
    "Healthcare": ("health care", "hospital and health care", "hospitals", "medical practice"),
    "Pharmaceuticals & Biotech": (
        "pharmaceuticals",
        "pharma",
        "biotechnology",
        "biotech",
        "life sciences",
    ),
    "Manufacturing": ("industrial", "machinery", "industrial automation", "mechanical engineering"),
    "Automotive": ("automobile", "cars", "auto"),
    "Retail": ("retailers", "shops", "retail trade"),
    "E-commerce": ("ecommerce", "online retail", "internet retail"),
    "Consumer Goods": ("consumer products", "cpg", "fmcg", "food and beverages", "apparel"),
    "Education": ("education management", "higher education", "e learning", "edtech", "schools"),
    "Government & Public Sector": (
        "government",
        "government administration",
        "public sector",
        "public administration",
    ),
    "Non-profit": ("nonprofit", "non profit organization management", "ngo", "charity"),
    "Real Estate": ("property", "commercial real estate", "proptech"),
    "Construction": ("building materials", "civil engineering", "architecture"),
    "Energy & Utilities": ("energy", "utilities", "oil and energy", "oil and gas", "renewables"),
    "Transportation & Logistics": (
        "logistics",
        "logistics and supply chain",
        "transportation",
        "shipping",
        "freight",
    ),
    "Media & Entertainment": ("media", "entertainment", "publishing", "broadcast media", "gaming"),
    "Marketing & Advertising": ("marketing", "advertising", "marketing and advertising", "adtech"),
    "Professional Services": (
        "consulting",
        "management consulting",
        "accounting",
        "business services",
        "staffing and recruiting",
        "human resources",
    ),
    "Legal": ("law practice", "legal services", "law firm"),
    "Hospitality & Travel": ("hospitality", "travel", "leisure travel and tourism", "restaurants"),
    "Agriculture": ("farming", "agritech", "agribusiness"),
}

SENIORITIES = ("C-level", "VP", "Director", "Manager", "Individual contributor")
DEPARTMENTS = (
    "Sales",
    "Marketing",
    "Engineering",
    "IT",
    "Finance",
    "HR",
    "Operations",
    "Legal",
    "Product",
    "Customer Success",
    "Executive",
    "Other",
)
# (upper bound inclusive, band); the last band is open-ended.
SIZE_BANDS: tuple[tuple[int, str], ...] = (
    (10, "1-10"),
    (50, "11-50"),
    (200, "51-200"),
    (500, "201-500"),
    (1000, "501-1000"),
    (5000, "1001-5000"),
)
OPEN_SIZE_BAND = "5001+"

# Free-mail: exact registrable domains, plus provider brands that exist under many country suffixes.
FREE_MAIL_DOMAINS = frozenset(
    {
        "web.de",
        "t-online.de",
        "freenet.de",
        "mail.ru",
        "bk.ru",
        "list.ru",
        "inbox.ru",
        "me.com",
        "mac.com",
        "live.com",
        "msn.com",
        "qq.com",
        "163.com",
        "126.com",
        "naver.com",
        "daum.net",
        "rediffmail.com",
        "libero.it",
        "orange.fr",
        "laposte.net",
        "free.fr",
        "wanadoo.fr",
        "seznam.cz",
        "wp.pl",
        "o2.pl",
        "interia.pl",
        "tutanota.com",
        "tuta.io",
        "fastmail.com",
        "hey.com",
        "comcast.net",
        "verizon.net",
        "att.net",
        "btinternet.com",
        "sky.com",
        "bigpond.com",
        "pm.me",
    }
)
FREE_MAIL_BRANDS = frozenset(
    {
        "gmail",
        "googlemail",
        "yahoo",
        "ymail",
        "rocketmail",
        "hotmail",
        "outlook",
        "aol",
        "icloud",
        "gmx",
        "yandex",
        "proton",
        "protonmail",
        "mail",
        "zohomail",
    }
)
ROLE_MAILBOXES = frozenset(
    {
        "info",
        "sales",
        "admin",
        "administrator",
        "support",
        "contact",
        "hello",
        "office",
        "marketing",
        "noreply",
        "no-reply",
        "donotreply",
        "do-not-reply",
        "help",
        "enquiries",
        "enquiry",
        "inquiries",
        "team",
        "billing",
        "accounts",
        "hr",
        "jobs",
        "careers",
        "press",
        "media",
        "webmaster",
        "postmaster",
        "hostmaster",
        "abuse",
        "service",
        "customerservice",
        "mail",
        "reception",
        "general",
        "privacy",
        "security",
        "legal",
        "feedback",
        "orders",
        "newsletter",
    }
)

_NON_WORD = re.compile(r"[^a-z0-9]+")
INDUSTRY_FUZZY_THRESHOLD = 88


def normalise_key(text: str) -> str:
    """Lower case, accents and punctuation removed: the key every vocabulary is looked up by."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_WORD.sub(" ", folded.lower().replace("&", " and ")).strip()


def _industry_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for sector, synonyms in INDUSTRIES.items():
        index[normalise_key(sector)] = sector
        for synonym in synonyms:
            index[normalise_key(synonym)] = sector
    return index


_INDUSTRY_INDEX = _industry_index()
_INDUSTRY_KEYS = tuple(_INDUSTRY_INDEX)


@lru_cache(maxsize=4096)
def match_industry(text: str) -> str | None:
    """Map free text onto a platform sector, or None when nothing is close enough."""
    key = normalise_key(text)
    if not key or len(key) > 200:
        return None
    if key in _INDUSTRY_INDEX:
        return _INDUSTRY_INDEX[key]
    best = process.extractOne(
        key, _INDUSTRY_KEYS, scorer=fuzz.token_sort_ratio, score_cutoff=INDUSTRY_FUZZY_THRESHOLD
    )
    return _INDUSTRY_INDEX[best[0]] if best else None


# Ordered: the first matching pattern wins, so "Vice President" beats "President". Each level
# also has German, French and Spanish words (after normalise_key: "Geschäftsführer" is
# "geschaftsfuhrer"); German compounds put the level last ("Vertriebsleiter"), so those
# patterns have no word boundary in front.
_SENIORITY_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # A German assistant to the board is not the board ("Vorstandsassistentin").
    (re.compile(r"assistent"), "Individual contributor"),
    (re.compile(r"\b(vice ?president\w*|vp|svp|evp|avp|vize ?prasident\w*)\b"), "VP"),
    (
        re.compile(
            r"\b(chief \w+( \w+)? officer|c[a-z]o|ceo|cfo|cto|coo|cmo|cio|cro|ciso|cpo"
            r"|president|founder|co founder|managing director|managing partner|general partner)\b"
        ),
        "C-level",
    ),
    (
        re.compile(
            r"\b(geschaftsfuhrer\w*|vorstand\w*|inhaber\w*|grunder\w*|prasident\w*|pdg"
            r"|fondat\w*|fundador\w*|presidente?|directeur general|directrice generale"
            r"|director general|directora general|gerente general)\b"
        ),
        "C-level",
    ),
    (re.compile(r"\b(director|head|dir)\b"), "Director"),
    (re.compile(r"\b(direktor\w*|directeur|directrice|directora|bereichsleiter\w*)\b"), "Director"),
    (re.compile(r"\b(manager|mgr|lead|supervisor|team lead)\b"), "Manager"),
    (
        # "Leiter" ends German compounds ("Teamleiterin"); a "Begleiter" accompanies.
        re.compile(
            r"(?<!beg)(leiter|leiterin)\b|\b(responsable|gerente|jefe|jefa"
            r"|chef (de projet|de produit|de service|de groupe|d equipe))\b"
        ),
        "Manager",
    ),
)
_SENIORITY_INDEX: dict[str, str] = {normalise_key(level): level for level in SENIORITIES} | {
    "c level": "C-level",
    "c suite": "C-level",
    "cxo": "C-level",
    "executive": "C-level",
    "founder": "C-level",
    "vp": "VP",
    "vice president": "VP",
    "director": "Director",
    "head": "Director",
    "manager": "Manager",
    "senior": "Individual contributor",
    "entry": "Individual contributor",
    "individual contributor": "Individual contributor",
    "ic": "Individual contributor",
    "staff": "Individual contributor",
}

_DEPARTMENT_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(ceo|chief executive|(?<!vice )president|founder|co founder|managing director)\b"
        ),
        "Executive",
    ),
    (
        re.compile(r"\b(customer success|csm|customer experience|account manag\w*|support)\b"),
        "Customer Success",
    ),
    (
        re.compile(r"\b(sales|account executive|ae|sdr|bdr|business development|revenue|cro)\b"),
        "Sales",
    ),
    (
        re.compile(r"\b(marketing|cmo|brand|growth|demand gen\w*|seo|content|communications)\b"),
        "Marketing",
    ),
    (re.compile(r"\b(product|cpo)\b"), "Product"),
    (
        re.compile(
            r"\b(it|cio|ciso|information technology|infrastructure|sysadmin|network|security)\b"
        ),
        "IT",
    ),
    (
        re.compile(r"\b(engineer\w*|developer|cto|software|devops|architect|data scien\w*)\b"),
        "Engineering",
    ),
    (
        re.compile(r"\b(finance|financial|cfo|accounting|accountant|controller|treasur\w*)\b"),
        "Finance",
    ),
    (re.compile(r"\b(hr|human resources|people|talent|recruit\w*|chro)\b"), "HR"),
    (re.compile(r"\b(legal|counsel|lawyer|attorney|compliance|clo)\b"), "Legal"),
    (re.compile(r"\b(operations|ops|coo|supply chain|logistics|procurement)\b"), "Operations"),
    # German, French and Spanish, in the same order but HR before Engineering (a
    # "Personalentwickler" develops people). Stems without an end boundary catch German
    # compounds ("Vertriebsleiter"); words English shares ("commercial", "information") are
    # left out or taken only in their foreign forms.
    (
        re.compile(
            r"\b(geschaftsfuhr\w*|vorstand\w*|inhaber\w*|pdg|directeur general|gerente general)"
        ),
        "Executive",
    ),
    (
        re.compile(
            r"\b(kundenservice|kundenbetreuung|kundendienst|service client|atencion al cliente)"
        ),
        "Customer Success",
    ),
    (
        re.compile(
            r"\b(vertrieb|verkauf|ventes?\b|ventas\b|comercial\b|commerciale?s?\b(?! \w)"
            r"|(directeur|directrice|responsable|attache|ingenieur) commercial)"
        ),
        "Sales",
    ),
    (re.compile(r"\bmercadotecnia\b"), "Marketing"),
    (
        re.compile(
            r"\b(personal(leiter|referent|abteilung|wesen|entwickl)\w*|ressources humaines"
            r"|recursos humanos|rrhh\b)"
        ),
        "HR",
    ),
    (re.compile(r"\b(informatik\w*|informatique|informatica|informatico|sistemas\b)"), "IT"),
    (
        re.compile(r"entwickl|\b(ingenieur\w*|ingeniero\w*|developpeu\w*|desarrollador\w*)"),
        "Engineering",
    ),
    (re.compile(r"\b(finanz\w*|buchhalt\w*|comptab\w*|contab\w*)"), "Finance"),
    (re.compile(r"\b(recht\w*|jurist\w*|juridique|abogad\w*)"), "Legal"),
    (re.compile(r"\b(einkauf\w*|logisti\w*|achats?\b|compras\b)"), "Operations"),
)
_DEPARTMENT_INDEX = {normalise_key(d): d for d in DEPARTMENTS} | {
    "human resources": "HR",
    "people": "HR",
    "information technology": "IT",
    "engineering and technical": "Engineering",
    "c suite": "Executive",
    "management": "Executive",
    "accounting": "Finance",
    "support": "Customer Success",
    "customer service": "Customer Success",
    "business development": "Sales",
}


def _first_rule(rules: tuple[tuple[re.Pattern[str], str], ...], key: str) -> str | None:
    for pattern, label in rules:
        if pattern.search(key):
            return label
    return None


@lru_cache(maxsize=4096)
def seniority_from_title(job_title: str) -> str | None:
    """Derived level; a title that names no level is an individual contributor's."""
    key = normalise_key(job_title)
    if not key:
        return None
    return _first_rule(_SENIORITY_RULES, key) or "Individual contributor"


@lru_cache(maxsize=1024)
def match_seniority(text: str) -> str | None:
    """A given seniority value ("VP", "c_suite", "Senior") onto the platform's levels."""
    key = normalise_key(text)
    if not key:
        return None
    return _SENIORITY_INDEX.get(key) or _first_rule(_SENIORITY_RULES, key)


@lru_cache(maxsize=4096)
def department_from_title(job_title: str) -> str | None:
    """Derived department; a title that names none is filed under "Other"."""
    key = normalise_key(job_title)
    if not key:
        return None
    return _first_rule(_DEPARTMENT_RULES, key) or "Other"


@lru_cache(maxsize=1024)
def match_department(text: str) -> str | None:
    key = normalise_key(text)
    if not key:
        return None
    return _DEPARTMENT_INDEX.get(key) or _first_rule(_DEPARTMENT_RULES, key)


def size_band(employees: int) -> str:
    for upper, band in SIZE_BANDS:
        if employees <= upper:
            return band
    return OPEN_SIZE_BAND


def is_free_mail(registrable_domain: str) -> bool:
    if registrable_domain in FREE_MAIL_DOMAINS:
        return True
    return registrable_domain.split(".", 1)[0] in FREE_MAIL_BRANDS
