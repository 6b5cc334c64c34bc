"""Rules shared by request models of every domain."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, field_validator
from pydantic_core import PydanticCustomError


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list | tuple):
        return any(_has_nul(item) for item in value)
    return False  # a nested model checks its own fields, naming them


class NoNulText(BaseModel):
    """Text fields refuse NUL characters, by field. PostgreSQL refuses them in text and JSON
    (a 500 there) while SQLite keeps them: the same request must fail the same way on both.
    Lead data is not held to this: the pipeline strips control characters from it instead."""

    @field_validator("*", mode="before")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        if _has_nul(value):
            raise PydanticCustomError("nul_character", "must not contain NUL (\\0) characters")
        return value
