"""Operator passwords: salted scrypt hashes in one string, checked in constant time.

Format (no `$`, so it survives .env files and docker-compose untouched):
`scrypt:<n>:<r>:<p>:<salt, base64url>:<hash, base64url>`, e.g. what `spoor2 admin hash-password`
prints. Only the hash is configured (SPOOR2_ADMIN_PASSWORD_HASH); the password is never stored.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os

SCHEME = "scrypt"
N, R, P = 2**14, 8, 1  # ~16 MB and ~50 ms per check
SALT_BYTES = 16
HASH_BYTES = 32
MIN_LENGTH = 10


class PasswordFormatError(ValueError):
    """The configured hash is not in the format `hash_password` writes."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """The storable hash of `password` (a fresh random salt unless one is given)."""
    salt = salt if salt is not None else os.urandom(SALT_BYTES)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=HASH_BYTES)
    return f"{SCHEME}:{N}:{R}:{P}:{_b64(salt)}:{_b64(digest)}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes]:
    parts = stored.strip().split(":")
    if len(parts) != 6 or parts[0] != SCHEME:
        raise PasswordFormatError("expected scrypt:<n>:<r>:<p>:<salt>:<hash>")
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt, digest = _unb64(parts[4]), _unb64(parts[5])
    except ValueError:
        raise PasswordFormatError("expected scrypt:<n>:<r>:<p>:<salt>:<hash>") from None
    if not (2 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16 and salt
            and digest):
        raise PasswordFormatError("scrypt parameters out of range")
    return n, r, p, salt, digest


def check_format(stored: str) -> None:
    """Raise `PasswordFormatError` when `stored` is not a hash this module can check."""
    _parse(stored)


def verify_password(password: str, stored: str) -> bool:
    """True when `password` matches the stored hash (constant-time comparison)."""
    n, r, p, salt, digest = _parse(stored)
    candidate = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                               maxmem=256 * 1024 * 1024, dklen=len(digest))
    return hmac.compare_digest(candidate, digest)
