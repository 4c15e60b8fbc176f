"""Turning retrieved passages (or the deadline calculator) into answers."""
