"""Password hashing (bcrypt) and the registration policy (OWASP ASVS 5, V6.2)."""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

import bcrypt

from leadnexus.errors import FieldError

MIN_LENGTH = 10
MAX_LENGTH = 128
# bcrypt ignores everything past 72 bytes; longer passwords are rejected rather than truncated.
BCRYPT_MAX_BYTES = 72


def hash_password(password: str, *, rounds: int) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=rounds)).decode()


def verify_password(password: str, password_hash: str) -> bool:
    try:
        return bcrypt.checkpw(password.encode()[:BCRYPT_MAX_BYTES], password_hash.encode())
    except ValueError:
        return False


@cache
def common_passwords() -> frozenset[str]:
    data = resources.files("leadnexus.auth").joinpath("data/common-passwords.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode().split())


def password_problems(password: str, *, email: str, field: str = "password") -> list[FieldError]:
    """Length, common-password and same-as-email checks; no composition rules (ASVS 5)."""
    if len(password) < MIN_LENGTH:
        return [FieldError(field, "too_short", f"Use at least {MIN_LENGTH} characters.")]
    if len(password.encode()) > BCRYPT_MAX_BYTES:
        return [
            FieldError(
                field, "too_long", f"Use at most {BCRYPT_MAX_BYTES} bytes (about 64+ characters)."
            )
        ]
    lowered = password.lower()
    if lowered in common_passwords():
        return [FieldError(field, "too_common", "This password is too common; choose another.")]
    local_part = email.split("@", 1)[0].lower()
    if lowered == email.lower() or (len(local_part) >= 4 and lowered == local_part):
        return [FieldError(field, "same_as_email", "The password must not be your email address.")]
    return []
