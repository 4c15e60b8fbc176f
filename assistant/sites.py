"""Site profiles: one server, several bureaus' sites (SPOOR2_SITES, a YAML file).

Each profile belongs to one or more origins (`scheme://host[:port]`) and has a short `key` used
for its documents (`data_dir/uploads/<key>/`, `spoor2 ingest --site KEY`), logs and a scoped
admin token. The file is read once at start-up; any mistake is a `ConfigError` naming the file,
the site and the field.

    sites:
      - key: werkfit
        origin: https://www.werkfit.nl          # or a list of origins
        title: {nl: "Vragen over spoor 2?", en: "Questions about track 2?"}
        greeting: {nl: "Hallo! ...", en: "Hello! ..."}
        colour: "#0f766e"                       # white text on it must pass WCAG AA (4.5:1)
        language: nl                            # nl | en
        audience: werknemer                     # werkgever | werknemer (optional)
        contact_url: https://www.werkfit.nl/contact
        handoff: {offered: true, email: [adviseur@werkfit.nl], webhook: https://...}
        packages:
          - name: {nl: Spoor 2 basis, en: Track 2 basic}
            price: "€ 1.950 excl. btw"
            description: {nl: "...", en: "..."}
        admin_token_sha256: "<sha256 hex of the site's admin token>"   # or admin_token: "..."
"""
from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from assistant.errors import ConfigError
from assistant.texts import text

SHARED = "_shared"  # the uploads folder of documents every site may use (site '')
AA_CONTRAST = 4.5  # WCAG 2.2 AA, normal text: white button text on the site's colour
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_FIELDS = {"key", "origin", "origins", "title", "greeting", "colour", "color", "language",
           "audience", "contact_url", "handoff", "packages", "admin_token", "admin_token_sha256"}


@dataclass(frozen=True)
class Texts:
    """A text in Dutch and English."""

    nl: str = ""
    en: str = ""

    def get(self, language: str) -> str:
        """The text in `language`, else the other one."""
        return (self.en or self.nl) if language == "en" else (self.nl or self.en)


@dataclass(frozen=True)
class Package:
    """A priced service the bureau wants quoted."""

    name: Texts
    price: str
    description: Texts = Texts()


@dataclass(frozen=True)
class HandoffTarget:
    """Where a site's "ask an adviser" requests go (assistant/handoff delivers them)."""

    offered: bool = True
    email: tuple[str, ...] = ()
    webhook: str = ""


@dataclass(frozen=True)
class SiteProfile:
    """One bureau's site: its origins, widget defaults, handoff, packages and admin token."""

    key: str
    origins: tuple[str, ...]
    title: Texts = Texts()
    greeting: Texts = Texts()
    colour: str = ""
    language: str = "nl"
    audience: str = ""
    contact_url: str = ""
    handoff: HandoffTarget = HandoffTarget()
    packages: tuple[Package, ...] = ()
    admin_token_sha256: str = field(default="", repr=False)

    def public(self) -> dict[str, Any]:
        """What any visitor of the site may see (the widget's defaults); never the targets."""
        return {
            "key": self.key, "title": _texts(self.title), "greeting": _texts(self.greeting),
            "colour": self.colour, "language": self.language, "audience": self.audience or None,
            "contact_url": self.contact_url, "handoff": self.handoff.offered,
            "packages": [{"name": _texts(p.name), "price": p.price,
                          "description": _texts(p.description)} for p in self.packages],
        }


def _texts(texts: Texts) -> dict[str, str]:
    return {"nl": texts.nl, "en": texts.en}


class Sites:
    """The loaded profiles, found by origin, key or admin token."""

    def __init__(self, profiles: Sequence[SiteProfile] = ()):
        self.profiles = tuple(profiles)
        self._by_origin = {o: p for p in self.profiles for o in p.origins}
        self._by_key = {p.key: p for p in self.profiles}

    def __bool__(self) -> bool:
        return bool(self.profiles)

    @property
    def origins(self) -> tuple[str, ...]:
        """Every origin with a profile (these may call the API)."""
        return tuple(self._by_origin)

    def by_origin(self, origin: str | None) -> SiteProfile | None:
        """The profile of a request's `Origin`, or None."""
        return self._by_origin.get(normalise_origin(origin or "") or "")

    def by_key(self, key: str | None) -> SiteProfile | None:
        """The profile with this key, or None."""
        return self._by_key.get(key or "")

    def for_token(self, token: str) -> SiteProfile | None:
        """The profile whose scoped admin token this is, or None (constant-time per profile)."""
        digest = hashlib.sha256(token.encode()).hexdigest()
        found = None
        for profile in self.profiles:
            known = profile.admin_token_sha256
            if known and hmac.compare_digest(digest, known):
                found = profile
        return found


def handoff_targets(site: SiteProfile | None, settings: Any) -> HandoffTarget:
    """Where a handoff from `site` goes: the profile's own e-mail/webhook, else the server's
    SPOOR2_SMTP_TO / SPOOR2_HANDOFF_WEBHOOK (what handoff delivery uses)."""
    default = HandoffTarget(True, tuple(getattr(settings, "smtp_to", ()) or ()),
                            str(getattr(settings, "handoff_webhook", "") or ""))
    if site is None:
        return default
    return HandoffTarget(site.handoff.offered, site.handoff.email or default.email,
                         site.handoff.webhook or default.webhook)


def normalise_origin(origin: str) -> str | None:
    """`scheme://host[:port]` in lower case without a default port; None when it is not one."""
    try:
        parts = urlsplit(origin.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/") \
            or parts.query or parts.fragment or parts.username or parts.password:
        return None
    host = parts.hostname.lower()
    host = f"[{host}]" if ":" in host else host
    default = {"http": 80, "https": 443}[parts.scheme]
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default else "")


def contrast_with_white(colour: str) -> float:
    """The WCAG contrast ratio of white text on `colour` (#rgb or #rrggbb)."""
    hexes = colour.lstrip("#")
    if len(hexes) == 3:
        hexes = "".join(c * 2 for c in hexes)

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(hexes[i:i + 2], 16)) for i in (0, 2, 4))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)


def load_sites(path: Path | None) -> Sites:
    """Read and check SPOOR2_SITES; no file configured gives no profiles.

    Raises:
        ConfigError: the file is missing or unreadable, or a profile is invalid (the message
            names the file, the site and the field).
    """
    if path is None:
        return Sites()
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ConfigError(f"SPOOR2_SITES: cannot read {path} ({reason})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"SPOOR2_SITES: {path} is not valid YAML{where}") from None
    entries = raw.get("sites") if isinstance(raw, Mapping) else None
    if not isinstance(entries, list) or not entries:
        raise ConfigError(
            f"SPOOR2_SITES: {path} must have a list `sites:` with one profile per site")
    profiles: list[SiteProfile] = []
    for i, entry in enumerate(entries):
        profiles.append(_Reader(path, i, entry).profile())
    _check_unique(path, profiles)
    return Sites(profiles)


def _check_unique(path: Path, profiles: Iterable[SiteProfile]) -> None:
    keys: set[str] = set()
    origins: dict[str, str] = {}
    for p in profiles:
        if p.key in keys:
            raise ConfigError(f"SPOOR2_SITES: {path}, site '{p.key}': the key is used twice")
        keys.add(p.key)
        for origin in p.origins:
            if origin in origins:
                raise ConfigError(f"SPOOR2_SITES: {path}, site '{p.key}', origin: {origin} is "
                                  f"already the origin of site '{origins[origin]}'")
            origins[origin] = p.key


class _Reader:
    """Checks one profile entry; every error names the file, the site and the field."""

    def __init__(self, path: Path, index: int, entry: Any):
        self.path = path
        self.site = f"#{index + 1}"
        if not isinstance(entry, Mapping):
            self.fail("", "must be a mapping of fields")
        self.entry = entry
        if isinstance(entry.get("key"), str) and entry["key"].strip():
            self.site = entry["key"].strip()

    def fail(self, field_name: str, message: str) -> None:
        where = f", {field_name}" if field_name else ""
        raise ConfigError(f"SPOOR2_SITES: {self.path}, site '{self.site}'{where}: {message}")

    def profile(self) -> SiteProfile:
        unknown = sorted(set(map(str, self.entry)) - _FIELDS)
        if unknown:
            self.fail(unknown[0], f"unknown field (known: {', '.join(sorted(_FIELDS))})")
        key = self.entry.get("key")
        if not isinstance(key, str) or not _KEY.match(key.strip()):
            self.fail("key", "needs a short id: lower-case letters, digits and '-' (at most 40)")
        language = self.choice("language", ("nl", "en"), "nl")
        return SiteProfile(
            key=key.strip(), origins=self.origins(), title=self.texts("title"),
            greeting=self.texts("greeting"), colour=self.colour(), language=language,
            audience=self.choice("audience", ("werkgever", "werknemer"), ""),
            contact_url=self.url("contact_url", self.entry.get("contact_url"),
                                 ("http", "https", "mailto", "tel")),
            handoff=self.handoff(), packages=self.packages(), admin_token_sha256=self.token(),
        )

    def origins(self) -> tuple[str, ...]:
        raw = self.entry.get("origins", self.entry.get("origin"))
        values = [raw] if isinstance(raw, str) else raw
        if not isinstance(values, list) or not values:
            self.fail("origin", "needs the site's address, e.g. https://www.example.nl")
        out = []
        for value in values:
            origin = normalise_origin(value) if isinstance(value, str) else None
            if origin is None:
                self.fail("origin", f"{value!r} is not an origin (scheme://host[:port], no path)")
            out.append(origin)
        return tuple(dict.fromkeys(out))

    def texts(self, name: str, value: Any = None, required: bool = False) -> Texts:
        value = self.entry.get(name) if value is None else value
        if value is None or value == "":
            if required:
                self.fail(name, "is required")
            return Texts()
        if isinstance(value, str):
            return Texts(value.strip(), value.strip())
        if isinstance(value, Mapping) and set(value) <= {"nl", "en"} and \
                all(isinstance(v, str) for v in value.values()):
            return Texts(str(value.get("nl", "")).strip(), str(value.get("en", "")).strip())
        self.fail(name, "must be a text or {nl: ..., en: ...}")
        raise AssertionError  # unreachable

    def choice(self, name: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.entry.get(name)
        if value in (None, ""):
            return default
        if value not in allowed:
            self.fail(name, f"must be one of {', '.join(allowed)} (got {value!r})")
        return value

    def colour(self) -> str:
        value = self.entry.get("colour", self.entry.get("color"))
        if value in (None, ""):
            return ""
        if not isinstance(value, str) or not _COLOUR.match(value.strip()):
            self.fail("colour", f"must be #rgb or #rrggbb (got {value!r})")
        ratio = contrast_with_white(value.strip())
        if ratio < AA_CONTRAST:
            self.fail("colour", f"white text on {value} has a contrast of {ratio:.2f}:1, below "
                      f"WCAG AA ({AA_CONTRAST}:1); choose a darker colour")
        return value.strip().lower()

    def url(self, name: str, value: Any, schemes: tuple[str, ...]) -> str:
        if value in (None, ""):
            return ""
        text = str(value).strip()
        if not isinstance(value, str) or urlsplit(text).scheme.lower() not in schemes or \
                (urlsplit(text).scheme.startswith("http") and not urlsplit(text).netloc):
            self.fail(name, f"must be a {' / '.join(schemes)} address (got {value!r})")
        return text

    def handoff(self) -> HandoffTarget:
        value = self.entry.get("handoff")
        if value is None:
            return HandoffTarget()
        if not isinstance(value, Mapping) or not set(value) <= {"offered", "email", "webhook"}:
            self.fail("handoff", "must be {offered: true|false, email: [...], webhook: https://...}")
        offered = value.get("offered", True)
        if not isinstance(offered, bool):
            self.fail("handoff.offered", "must be true or false")
        emails = value.get("email") or []
        emails = [emails] if isinstance(emails, str) else emails
        if not isinstance(emails, list) or \
                not all(isinstance(e, str) and _EMAIL.match(e.strip()) for e in emails):
            self.fail("handoff.email", "must be one e-mail address or a list of them")
        webhook = self.url("handoff.webhook", value.get("webhook"), ("http", "https"))
        return HandoffTarget(offered, tuple(e.strip() for e in emails), webhook)

    def packages(self) -> tuple[Package, ...]:
        value = self.entry.get("packages") or []
        if not isinstance(value, list):
            self.fail("packages", "must be a list of {name, price, description}")
        out = []
        for i, item in enumerate(value):
            name = f"packages[{i}]"
            if not isinstance(item, Mapping) or not set(item) <= {"name", "price", "description"}:
                self.fail(name, "must be {name: ..., price: ..., description: ...}")
            price = item.get("price")
            if not isinstance(price, (str, int, float)) or not str(price).strip():
                self.fail(f"{name}.price", "is required (e.g. \"€ 1.950 excl. btw\")")
            out.append(Package(
                self.texts(f"{name}.name", item.get("name"), required=True), str(price).strip(),
                self.texts(f"{name}.description", item.get("description"))))
        return tuple(out)

    def token(self) -> str:
        plain, hashed = self.entry.get("admin_token"), self.entry.get("admin_token_sha256")
        if plain not in (None, "") and hashed not in (None, ""):
            self.fail("admin_token", "give admin_token or admin_token_sha256, not both")
        if plain not in (None, ""):
            if not isinstance(plain, str) or len(plain.strip()) < 16:
                self.fail("admin_token", "must be at least 16 characters")
            return hashlib.sha256(plain.strip().encode()).hexdigest()
        if hashed not in (None, ""):
            if not isinstance(hashed, str) or not _HEX64.match(hashed.strip().lower()):
                self.fail("admin_token_sha256", "must be 64 hex digits (sha256 of the token)")
            return hashed.strip().lower()
        return ""


def package_chunks(profile: SiteProfile) -> list[Any]:
    """The profile's packages as a document of that site (one chunk per language), so an answer
    about costs on the site can quote and cite the bureau's own prices."""
    from assistant.types import Chunk

    if not profile.packages:
        return []
    url = profile.contact_url if profile.contact_url.startswith("http") else profile.origins[0]
    chunks = []
    for language in ("nl", "en"):
        title = text("answer.site_packages", language)
        name = profile.title.get(language) or profile.key
        lines = []
        for package in profile.packages:
            line = text("answer.site_package_price", language,
                        name=package.name.get(language), price=package.price)
            description = package.description.get(language).rstrip(".")
            lines.append(f"{line}: {description}." if description else f"{line}.")
        body = " ".join(lines)
        doc_id = f"site-{profile.key}-packages-{language}"
        digest = hashlib.sha256(f"{profile.key}\n{language}\n{body}".encode()).hexdigest()[:32]
        chunks.append(Chunk(id=doc_id, text=body, metadata={
            "source": url, "path": "", "title": f"{title} – {name}", "url": url,
            "language": language, "audience": "", "doc_id": doc_id, "kind": "document",
            "trusted": False, "section": title, "page": 0, "position": 0,
            "content_hash": digest, "site": profile.key,
        }))
    return chunks
