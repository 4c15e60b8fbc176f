"""`python -m ingest`: the same as `spoor2 ingest`."""
import sys

from ingest.cli import main

sys.exit(main())
