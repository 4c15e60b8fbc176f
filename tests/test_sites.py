"""Site profiles (SPOOR2_SITES): what a valid file gives, and every mistake named at start-up."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.sites import (
    contrast_with_white,
    handoff_targets,
    load_sites,
    normalise_origin,
    package_chunks,
)

VALID = """
sites:
  - key: werkfit
    origin: [https://www.werkfit.nl, "https://werkfit.nl:443/"]
    title: {nl: "Vragen over spoor 2?", en: "Questions about track 2?"}
    greeting: "Welkom bij WerkFit."
    colour: "#0f766e"
    language: en
    audience: werknemer
    contact_url: https://www.werkfit.nl/contact
    handoff: {offered: true, email: adviseur@werkfit.nl}
    packages:
      - name: {nl: Spoor 2 basis, en: Track 2 basic}
        price: "€ 1.950 excl. btw"
        description: {nl: Drie maanden begeleiding, en: Three months of coaching}
    admin_token: werkfit-operator-token-123
  - key: bridgework
    origin: http://localhost:8080
    handoff: {offered: false}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sites.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_gives_each_origin_its_profile(tmp_path):
    sites = load_sites(write(tmp_path, VALID))
    werkfit = sites.by_origin("https://werkfit.nl")
    assert werkfit is sites.by_origin("https://WWW.werkfit.nl") and werkfit.key == "werkfit"
    assert set(sites.origins) == {"https://www.werkfit.nl", "https://werkfit.nl", "http://localhost:8080"}
    assert sites.by_origin("https://evil.example") is None and sites.by_origin(None) is None
    public = werkfit.public()
    assert public["title"] == {"nl": "Vragen over spoor 2?", "en": "Questions about track 2?"}
    assert public["greeting"] == {"nl": "Welkom bij WerkFit.", "en": "Welkom bij WerkFit."}
    assert public["language"] == "en" and public["colour"] == "#0f766e"
    assert public["packages"][0]["price"] == "€ 1.950 excl. btw"
    assert "admin" not in str(public) and "adviseur@" not in str(public)  # never the secrets
    assert sites.by_key("bridgework").public()["handoff"] is False


def test_a_site_admin_token_finds_its_site_and_only_by_its_hash(tmp_path):
    sites = load_sites(write(tmp_path, VALID))
    assert sites.for_token("werkfit-operator-token-123").key == "werkfit"
    assert sites.for_token("werkfit-operator-token-12") is None
    assert "werkfit-operator-token-123" not in repr(sites.by_key("werkfit"))
    hashed = hashlib.sha256(b"another-long-token-456").hexdigest()
    other = load_sites(write(tmp_path, f"sites:\n  - key: a\n    origin: https://a.nl\n"
                                       f"    admin_token_sha256: {hashed}\n"))
    assert other.for_token("another-long-token-456").key == "a"


def test_the_settings_read_spoor2_sites(tmp_path):
    path = write(tmp_path, VALID)
    assert Settings.from_env({"SPOOR2_SITES": str(path)}).sites == path
    assert Settings.from_env({}).sites is None
    assert not load_sites(None)


A = "key: a\n    origin: https://a.nl\n    "


@pytest.mark.parametrize("entry, field, words", [
    ('key: a\n    origin: https://a.nl\n    colour: "#ffcc00"', "colour", "below WCAG AA"),
    ('key: a\n    origin: https://a.nl\n    colour: "#1d4ed"', "colour", "#rgb or #rrggbb"),
    ('key: a\n    origin: https://a.nl/contact', "origin", "not an origin"),
    ('key: a\n    origin: ftp://a.nl', "origin", "not an origin"),
    ('key: A B\n    origin: https://a.nl', "key", "short id"),
    ('key: a\n    origin: https://a.nl\n    language: de', "language", "nl, en"),
    ('key: a\n    origin: https://a.nl\n    audience: hr', "audience", "werkgever, werknemer"),
    (A + 'contact_url: "javascript:alert(1)"', "contact_url", "address"),
    (A + "handoff: {email: not-an-address}", "handoff.email", "e-mail"),
    (A + "packages: [{name: Basis}]", "packages[0].price", "required"),
    ('key: a\n    origin: https://a.nl\n    admin_token: short', "admin_token", "16 characters"),
    ('key: a\n    origin: https://a.nl\n    colour_scheme: dark', "colour_scheme", "unknown field"),
])
def test_a_wrong_field_is_named_with_the_file_and_the_site(tmp_path, entry, field, words):
    path = write(tmp_path, f"sites:\n  - {entry}\n")
    with pytest.raises(ConfigError) as caught:
        load_sites(path)
    message = str(caught.value)
    assert str(path) in message and f", {field}:" in message and words in message
    assert "site 'a'" in message or "site 'A B'" in message


def test_a_colour_too_light_for_white_text_names_the_site_and_the_contrast(tmp_path):
    path = write(tmp_path,
                 'sites:\n  - key: geel\n    origin: https://geel.nl\n    colour: "#f59e0b"\n')
    with pytest.raises(ConfigError, match=r"site 'geel', colour: white text on #f59e0b has a "
                                          r"contrast of 2\.15:1, below WCAG AA \(4\.5:1\)"):
        load_sites(path)


def test_an_origin_or_key_used_twice_and_a_broken_file_are_refused(tmp_path):
    twice = "sites:\n  - key: a\n    origin: https://x.nl\n  - key: b\n    origin: https://x.nl/\n"
    with pytest.raises(ConfigError,
                       match="site 'b', origin: https://x.nl is already the origin of site 'a'"):
        load_sites(write(tmp_path, twice))
    with pytest.raises(ConfigError, match="key is used twice"):
        load_sites(write(tmp_path, twice.replace("key: b", "key: a").replace("x.nl/", "y.nl")))
    with pytest.raises(ConfigError, match=r"not valid YAML at line \d"):
        load_sites(write(tmp_path, "sites:\n  - key: [a\n"))
    with pytest.raises(ConfigError, match="a list `sites:`"):
        load_sites(write(tmp_path, "werkfit: {}\n"))
    with pytest.raises(ConfigError, match="cannot read"):
        load_sites(tmp_path / "missing.yaml")


def test_contrast_and_origins_follow_the_standards():
    assert round(contrast_with_white("#ffffff"), 2) == 1.0
    assert round(contrast_with_white("#000"), 1) == 21.0
    assert contrast_with_white("#1d4ed8") >= 4.5 > contrast_with_white("#3b82f6")
    assert normalise_origin("HTTPS://Example.NL:443") == "https://example.nl"
    assert normalise_origin("http://127.0.0.1:8080/") == "http://127.0.0.1:8080"
    assert normalise_origin("https://example.nl/page") is None


def test_handoff_goes_to_the_sites_own_target_else_the_servers(tmp_path):
    sites = load_sites(write(tmp_path, VALID))

    class ServerSettings:
        smtp_to = ("desk@bureau.nl",)
        handoff_webhook = "https://hooks.bureau.nl/in"

    werkfit = handoff_targets(sites.by_key("werkfit"), ServerSettings())
    assert werkfit.email == ("adviseur@werkfit.nl",) and werkfit.webhook == "https://hooks.bureau.nl/in"
    bridgework = handoff_targets(sites.by_key("bridgework"), ServerSettings())
    assert bridgework.offered is False and bridgework.email == ("desk@bureau.nl",)
    assert handoff_targets(None, ServerSettings()).email == ("desk@bureau.nl",)


def test_the_packages_become_a_cited_document_of_that_site_in_each_language(tmp_path):
    chunks = package_chunks(load_sites(write(tmp_path, VALID)).by_key("werkfit"))
    nl, en = chunks
    assert nl.text == "Spoor 2 basis kost € 1.950 excl. btw: Drie maanden begeleiding."
    assert en.text == "Track 2 basic costs € 1.950 excl. btw: Three months of coaching."
    assert {c.metadata["site"] for c in chunks} == {"werkfit"}
    assert nl.metadata["url"] == "https://www.werkfit.nl/contact"
    assert nl.metadata["title"] == "Pakketten en prijzen – Vragen over spoor 2?"


def test_an_uploaded_file_belongs_to_the_site_of_its_folder(tmp_path):
    from ingest.indexer import Indexer

    indexer = Indexer(Settings(data_dir=tmp_path), embedder=object())
    uploads = tmp_path / "uploads"
    assert indexer.site_of(uploads / "werkfit" / "tarieven.docx") == "werkfit"
    assert indexer.site_of(uploads / "_shared" / "tarieven.docx") == ""
    assert indexer.site_of(uploads / "tarieven.docx") == ""
    assert indexer.site_of(tmp_path / "knowledge" / "werkfit" / "x.md") == ""
    indexer.site = "beta"  # `spoor2 ingest PATH --site beta`
    assert indexer.site_of(uploads / "werkfit" / "tarieven.docx") == "beta"
