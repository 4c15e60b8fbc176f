"""Benchmarks (not timed tests): each module offers `run() -> dict` and prints a table as a script."""
