"""One list shape for the whole API: keyset (cursor) pages with a capped size."""

from __future__ import annotations

import base64
import binascii
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Generic, TypeVar

import orjson
from pydantic import BaseModel, Field
from sqlalchemy import Select, and_, or_
from sqlalchemy.orm import InstrumentedAttribute, Session

from leadnexus.errors import ValidationFailed
from leadnexus.inputs import NoNulText

T = TypeVar("T")
MAX_PAGE_SIZE = 100
# Row ids are 64-bit (BIGINT; INTEGER on SQLite). A larger number names no row, and the database
# drivers refuse to bind it (an error, not "no match"), so it is caught before any query: in
# cursors here, in paths by app.RowIdConverter.
MAX_KEY = 2**63 - 1


def is_key(value: int) -> bool:
    """A number some row could have as its id."""
    return 1 <= value <= MAX_KEY


class PageQuery(NoNulText):
    limit: int = Field(default=25, ge=1, le=MAX_PAGE_SIZE)
    cursor: str | None = Field(default=None, max_length=128)


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None
    has_more: bool


M = TypeVar("M", bound=BaseModel)


def page_out(model: type[M], page: Page[Any], convert: Callable[[Any], Any]) -> M:
    """The API's list shape {data, next_cursor, has_more} for a page of items."""
    return model(
        data=[convert(item) for item in page.items],
        next_cursor=page.next_cursor,
        has_more=page.has_more,
    )


def encode_cursor(key: int) -> str:
    return base64.urlsafe_b64encode(f"k:{key}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, number = raw.split(":", 1)
        key = int(number)
        if prefix != "k" or not is_key(key):  # this API never issues a key outside the range
            raise ValueError(prefix)
        return key
    except (ValueError, UnicodeDecodeError, binascii.Error) as exc:
        raise ValidationFailed.for_field(
            "cursor", "invalid_cursor", "The cursor is not one this API issued."
        ) from exc


def keyset_page(
    session: Session,
    query: Select[Any],
    key: InstrumentedAttribute[int],
    *,
    limit: int,
    cursor: str | None,
) -> Page[Any]:
    """Newest first by `key`; fetches one extra row to know whether another page exists."""
    if cursor:
        query = query.where(key < decode_cursor(cursor))
    query = query.order_by(key.desc()).limit(limit + 1)
    single_entity = len(query.column_descriptions) == 1
    result = session.execute(query)
    rows: list[Any] = list(result.scalars() if single_entity else result.all())
    has_more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1] if rows else None
    last_key = None if last is None else (last if single_entity else last[0]).id
    return Page(rows, encode_cursor(last_key) if has_more and last_key else None, has_more)


def encode_position(value: Any, key: int) -> str:
    raw = orjson.dumps(
        ["p", value.isoformat() if isinstance(value, datetime) else value, key], default=str
    )
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_position(cursor: str, parse: Callable[[Any], Any]) -> tuple[Any, int]:
    try:
        tag, value, key = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        # bool is an int to Python, not to the database.
        if tag != "p" or type(key) is not int or not is_key(key):
            raise ValueError(tag)
        return _issued(parse(value)), key
    # ArithmeticError: Decimal("abc") raises decimal.InvalidOperation, not a ValueError.
    except (ValueError, TypeError, ArithmeticError, binascii.Error, orjson.JSONDecodeError) as exc:
        raise ValidationFailed.for_field(
            "cursor", "invalid_cursor", "The cursor is not one this API issued."
        ) from exc


def _issued(value: Any) -> Any:
    """A sort value this API could have put in a cursor: positions come from rows, whose dates
    are UTC-aware and whose numbers are finite. Anything else fails in the database (a naive
    date cannot be bound as UTC) or matches nothing (NaN)."""
    if isinstance(value, datetime) and value.tzinfo is None:
        raise ValueError("naive datetime")
    if isinstance(value, float | Decimal) and not math.isfinite(value):
        raise ValueError("not a finite number")
    return value


def sorted_page(
    session: Session,
    query: Select[Any],
    sort: InstrumentedAttribute[Any],
    key: InstrumentedAttribute[int],
    *,
    descending: bool,
    limit: int,
    cursor: str | None,
    parse: Callable[[Any], Any] = lambda value: value,
) -> Page[Any]:
    """A page ordered by a non-unique, non-null column, ties broken by `key`.

    The cursor holds the last row's (sort value, key); `parse` turns the stored JSON value
    back into the column's type (e.g. datetime.fromisoformat).
    """
    if cursor:
        value, last = decode_position(cursor, parse)
        after = (sort < value) if descending else (sort > value)
        tie = (key < last) if descending else (key > last)
        query = query.where(or_(after, and_(sort == value, tie)))
    order = (sort.desc(), key.desc()) if descending else (sort.asc(), key.asc())
    rows = list(session.scalars(query.order_by(*order).limit(limit + 1)))
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = None
    if has_more:
        last_row = rows[-1]
        next_cursor = encode_position(getattr(last_row, sort.key), getattr(last_row, key.key))
    return Page(rows, next_cursor, has_more)
