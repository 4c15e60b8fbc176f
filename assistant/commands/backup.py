"""`spoor2 backup DIR` and `spoor2 restore DIR` (see `assistant.backup`)."""
from __future__ import annotations

import argparse
from pathlib import Path

from assistant.commands import add_common, settings_from


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `backup` and `restore` subcommands."""
    backup = sub.add_parser(
        "backup", help="copy the databases and the active index to a new folder",
        description="Write a consistent copy of every *.sqlite3 in the data dir (feedback, "
        "question log, handoffs), the active index generation and console uploads, with a "
        "manifest of sha256 hashes, into DIR (new or empty). Safe while the server runs.",
    )
    add_common(backup)
    backup.add_argument("dir", type=Path, metavar="DIR", help="the new backup folder")
    backup.set_defaults(func=run_backup)
    restore = sub.add_parser(
        "restore", help="bring a backup back",
        description="Check the backup in DIR (hashes, model settings), then restore the index "
        "into a new generation (a running server switches to it) and the databases. A damaged "
        "backup changes nothing.",
    )
    add_common(restore)
    restore.add_argument("dir", type=Path, metavar="DIR", help="a folder made by `spoor2 backup`")
    restore.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    """Make the backup and say what is in it."""
    from assistant.backup import create_backup

    manifest = create_backup(settings_from(args), args.dir)
    index = manifest["index"]
    what = (f"index generation {index['generation']} ({index['chunk_count']} chunks, "
            f"{index['embedding_model']})" if index else "no index")
    databases = [f["path"].removeprefix("sqlite/") for f in manifest["files"]
                 if f["path"].startswith("sqlite/")]
    print(f"Backed up {what}; databases: {', '.join(databases) or 'none'}; to {args.dir}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Restore the backup and say what came back."""
    from assistant.backup import restore_backup

    settings = settings_from(args)
    done = restore_backup(settings, args.dir)
    what = (f"index generation {done['generation']} ({done['chunks']} chunks, now active)"
            if done["generation"] else "no index (the backup had none)")
    print(f"Restored {what}; databases: {', '.join(done['databases']) or 'none'}; "
          f"{done['uploads']} uploaded files; into {settings.data_dir}")
    if done["kept"]:
        print(f"Not in the backup, left as they are: {', '.join(done['kept'])}")
    return 0
