"""Reliability tests: load, faults, bad input, abuse."""
