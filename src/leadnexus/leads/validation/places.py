"""Countries and locations as vendors write them: "Deutschland", "USA", "Austin, TX, USA".

Country names are looked up in one index built at import from pycountry plus common synonyms;
a location is split into city, region and country by its commas.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from leadnexus.leads.validation import taxonomy

_COUNTRY_SYNONYMS = {
    "usa": "US",
    "u s a": "US",
    "u s": "US",
    "america": "US",
    "united states of america": "US",
    "uk": "GB",
    "u k": "GB",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "deutschland": "DE",
    "germany": "DE",
    "holland": "NL",
    "the netherlands": "NL",
    "nederland": "NL",
    "espana": "ES",
    "italia": "IT",
    "brasil": "BR",
    "schweiz": "CH",
    "suisse": "CH",
    "osterreich": "AT",
    "polska": "PL",
    "sverige": "SE",
    "norge": "NO",
    "danmark": "DK",
    "suomi": "FI",
    "eire": "IE",
    "russia": "RU",
    "south korea": "KR",
    "korea": "KR",
    "north korea": "KP",
    "czech republic": "CZ",
    "czechia": "CZ",
    "uae": "AE",
    "u a e": "AE",
    "turkey": "TR",
    "turkiye": "TR",
    "vietnam": "VN",
    "ivory coast": "CI",
    "macedonia": "MK",
    "hong kong": "HK",
    "taiwan": "TW",
}


def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                index[taxonomy.normalise_key(value)] = country.alpha_2
    return index | _COUNTRY_SYNONYMS


# Built once at import: a pycountry search per row would cost more than the whole row budget.
COUNTRIES = _country_index()

# ISO codes without the synonyms that happen to be three letters ("USA"): after a place, a bare
# code is more often an abbreviation ("Fort Wayne, Ind." is Indiana, not IND, India).
_ISO_CODES = (
    frozenset(
        taxonomy.normalise_key(code)
        for country in pycountry.countries
        for code in (country.alpha_2, country.alpha_3)
    )
    - _COUNTRY_SYNONYMS.keys()
)
# Where locations are written city, state, country; the state may come alone before the country.
_STATE_FIRST = frozenset({"US", "CA", "AU", "GB"})
# US states named like a country: "Atlanta, Georgia" is the state.
_STATES_NAMED_LIKE_COUNTRIES = frozenset({"georgia"})
# Written where a place goes but naming none: "Remote, United States" gives the country only.
_NOT_PLACES = frozenset(
    {
        "remote",
        "worldwide",
        "global",
        "international",
        "anywhere",
        "various",
        "multiple locations",
        "emea",
        "apac",
        "latam",
        "americas",
        "europe",
        "asia",
        "africa",
        "oceania",
        "asia pacific",
        "middle east",
        "north america",
        "south america",
        "latin america",
    }
)
# A country name may hold commas of its own ("Korea, Republic of"), up to this many parts.
_MAX_COUNTRY_PARTS = 3


@lru_cache(maxsize=65536)
def normalise_country(value: str | None) -> str | None:
    """ISO 3166 alpha-2 from a code, a name in English or a common local name; else None."""
    if not value:
        return None
    return COUNTRIES.get(taxonomy.normalise_key(value))


@lru_cache(maxsize=1)
def _states() -> dict[str, frozenset[str]]:
    """Country code -> its states, provinces or nations, as lookup keys (loaded on first use).

    Only where locations are written state first ("Texas, United States", "England, United
    Kingdom"): elsewhere a city and its region often share a name ("Paris", "Lagos", "Monaco"),
    and the place written is the city.
    """
    names: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        if subdivision.country_code in _STATE_FIRST and subdivision.parent_code is None:
            name = subdivision.name.split(" [")[0]  # "Wales [Cymru GB-CYM]"
            names.setdefault(subdivision.country_code, set()).add(taxonomy.normalise_key(name))
    return {code: frozenset(keys) for code, keys in names.items()}


@lru_cache(maxsize=1)
def _state_codes() -> frozenset[str]:
    """State and province codes that are also country codes: "Austin, TX", "Dover, DE"
    (Delaware). Loaded on first use: pycountry's subdivisions cost every process 4 MB."""
    return frozenset(
        subdivision.code.split("-")[1].lower()
        for subdivision in pycountry.subdivisions
        if subdivision.country_code in _STATE_FIRST - {"GB"}
    )


def _names_a_country(text: str, *, after_a_place: bool) -> bool:
    key = taxonomy.normalise_key(text)
    if key not in COUNTRIES:
        return False
    if not after_a_place:
        return True
    if len(key) == 2:
        return key not in _state_codes()
    return key not in _ISO_CODES and key not in _STATES_NAMED_LIKE_COUNTRIES


def _trailing_country(parts: list[str]) -> int:
    """How many of the last parts name the country (0 when none do)."""
    for size in range(min(_MAX_COUNTRY_PARTS, len(parts)), 0, -1):
        if _names_a_country(", ".join(parts[-size:]), after_a_place=size < len(parts)):
            return size
    return 0


def _is_region_of(text: str, country: str | None) -> bool:
    """ "Texas" in the US, "Ontario" in Canada, "England" in the United Kingdom."""
    code = normalise_country(country)
    if code is None:
        return False
    return taxonomy.normalise_key(text) in _states().get(code, frozenset())


def _is_place(part: str) -> bool:
    return bool(part.strip()) and taxonomy.normalise_key(part) not in _NOT_PLACES


def _is_county(part: str) -> bool:
    return taxonomy.normalise_key(part).endswith(" county")


@lru_cache(maxsize=16384)
def split_location(location: str) -> tuple[str | None, str | None, str | None]:
    """(city, region, country) from "Austin, Texas, United States", "Seoul, Korea, Republic of",
    "Texas, United States", "Austin, TX" or "Germany"; each as written, None where not given.
    In a longer address the last two parts before the country are the city and the region.

    A code after a place is a country only when it cannot be a state: "San Francisco, CA" is
    California and "Dover, DE" Delaware, while "Lagos, NG" is Nigeria. "Atlanta, Georgia" is
    the state. Where the country stays unknown, phones are read with the file's default.
    """
    parts = [part.strip() for part in location.split(",") if _is_place(part)]
    size = _trailing_country(parts)
    country = ", ".join(parts[-size:]) if size else None
    places = parts[: len(parts) - size]
    # "Fort Wayne, Allen County, IN": the county is neither the city nor the state.
    if len(places) > 2:
        places = [part for part in places if not _is_county(part)] or places
    if len(places) >= 2:
        return places[-2], places[-1], country
    if not places:
        return None, None, country
    if _is_region_of(places[0], country):
        return None, places[0], country
    return places[0], None, country
