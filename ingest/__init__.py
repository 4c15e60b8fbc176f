"""Ingest pipeline: files -> loaders -> chunks -> Chroma generations (`spoor2 ingest`)."""
from __future__ import annotations

__all__ = ["Indexer", "IngestReport"]


def __getattr__(name: str):  # lazy, so `spoor2 --help` does not import chromadb
    if name == "Indexer":
        from ingest.indexer import Indexer

        return Indexer
    if name == "IngestReport":
        from ingest.report import IngestReport

        return IngestReport
    raise AttributeError(name)
