"""JSON already encoded: a marker type that needs no database code to import."""

from __future__ import annotations

from typing import Any

import orjson


class JSONText(str):
    """A JSON column's value, encoded where it was computed.

    Upload helper processes encode a lead's report and score with orjson (which reads the
    dataclasses directly) so that the single writing process neither pickles nested dicts nor
    encodes them again: `db.bulk_insert` writes a JSONText as it is.
    """


def encode(value: Any) -> JSONText:
    return JSONText(orjson.dumps(value).decode())


def decoded(values: dict[str, Any]) -> dict[str, Any]:
    """The values with every JSONText turned back into Python objects (for ORM attributes)."""
    # orjson takes only exact str, not a subclass.
    return {k: orjson.loads(str(v)) if isinstance(v, JSONText) else v for k, v in values.items()}
