"""Tests of the web app: API, real servers, real browser."""
