"""Benchmarks (not timed tests): each module has `run() -> dict` and prints a Markdown table."""
