"""A buyer's search text, parsed once and rendered for FTS5 and for PostgreSQL.

Words are ANDed, "double quotes" make a phrase, OR between terms means either, a leading minus
excludes a term (ignored when nothing else is asked for). Only word characters survive, and every
term is emitted quoted, so search syntax in the input (NEAR, *, :, ^, parentheses, quotes) is
plain text and never a syntax error on either database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')
WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 32


@dataclass(frozen=True)
class ParsedQuery:
    required: list[list[str]]  # AND of groups; a group is an OR of phrases
    excluded: list[str]


def has_terms(text: str) -> bool:
    """Whether the text asks for anything: "*", "-" or a lone OR (words, but an operator with
    nothing to join) do not, and would be an empty FTS5 query, a syntax error."""
    return bool(parse(text).required)


def parse(text: str) -> ParsedQuery:
    required: list[list[str]] = []
    excluded: list[str] = []
    pending_or = False
    for match in TERM.finditer(text):
        negated, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare == "OR":
            pending_or = bool(required)
            continue
        if bare is not None:
            negated, phrase = ("-", bare[1:]) if bare.startswith("-") else ("", bare)
        words = WORD.findall(phrase or "")
        if not words:
            continue
        term = " ".join(words)
        if negated:
            excluded.append(term)
        elif pending_or:
            required[-1].append(term)
        else:
            required.append([term])
        pending_or = False
        if len(required) + len(excluded) >= MAX_TERMS:
            break
    if not required:
        required, excluded = [[term] for term in excluded], []
    return ParsedQuery(required, excluded)


def fts5_query(text: str) -> str:
    parsed = parse(text)
    groups = [" OR ".join(f'"{term}"' for term in group) for group in parsed.required]
    query = " AND ".join(f"({group})" for group in groups)
    for term in parsed.excluded:
        query = f'({query}) NOT "{term}"'
    return query


def websearch_text(text: str) -> str:
    """The same query as input for PostgreSQL's websearch_to_tsquery."""
    parsed = parse(text)
    groups = [" or ".join(f'"{term}"' for term in group) for group in parsed.required]
    return " ".join([*groups, *(f'-"{term}"' for term in parsed.excluded)])
