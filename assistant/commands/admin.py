"""`spoor2 admin hash-password`: the value for SPOOR2_ADMIN_PASSWORD_HASH."""
from __future__ import annotations

import argparse
import getpass
import sys

from assistant.errors import InvalidInputError
from assistant.texts import pair


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `admin` subcommand."""
    parser = sub.add_parser("admin", help="operator console tasks",
                            description="Tasks for the operator console (/admin).")
    tasks = parser.add_subparsers(dest="task", metavar="TASK", required=True)
    hashing = tasks.add_parser(
        "hash-password", help="print the hash of a console password for SPOOR2_ADMIN_PASSWORD_HASH",
        description="Asks for a password twice (not shown) and prints its salted scrypt hash; put "
        "that in SPOOR2_ADMIN_PASSWORD_HASH. With input from a pipe, reads one line instead.")
    hashing.set_defaults(func=hash_password)


def _ask() -> str:
    if not sys.stdin.isatty():  # e.g. `printf '%s\n' "$PW" | spoor2 admin hash-password`
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password / wachtwoord: ")
    if getpass.getpass("Again / nogmaals: ") != first:
        nl, en = pair("admin.cli_passwords_differ")
        raise InvalidInputError(en, nl=nl, en=en)
    return first


def hash_password(args: argparse.Namespace) -> int:
    """Prompt without echo and print the hash."""
    from assistant.web.admin.passwords import MIN_LENGTH
    from assistant.web.admin.passwords import hash_password as make_hash

    password = _ask()
    if len(password) < MIN_LENGTH:
        nl, en = pair("admin.cli_password_short", n=MIN_LENGTH)
        raise InvalidInputError(en, nl=nl, en=en)
    print(make_hash(password))
    return 0
