"""The lock files match pyproject.toml, pin every package with hashes, and keep torch on the CPU.

A failure here means pyproject.toml changed without `bash scripts/lock.sh`.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
# The platform the locks are made for (scripts/lock.sh): CPython 3.11 on x86-64 Linux.
LOCK_PLATFORM = {"python_version": "3.11", "platform_machine": "x86_64", "sys_platform": "linux",
                 "platform_system": "Linux", "os_name": "posix", "implementation_name": "cpython"}
LOCKS = {"": "requirements.lock", "test": "requirements-test.lock", "llm": "requirements-llm.lock",
         "train": "requirements-train.lock"}
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def read_lock(name: str) -> dict[str, tuple[Version, int]]:
    """Package -> (pinned version, number of hashes) of one lock file."""
    pins: dict[str, tuple[Version, int]] = {}
    current = None
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        if match := _PIN.match(line):
            current = canonicalize_name(match[1])
            pins[current] = (Version(match[2]), 0)
        elif current and "--hash=sha256:" in line:
            version, hashes = pins[current]
            pins[current] = (version, hashes + line.count("--hash=sha256:"))
    return pins


def wanted(extra: str) -> list[Requirement]:
    """The requirements of the project with one extra (or none), for the lock platform."""
    raw = PROJECT["dependencies"] + (PROJECT["optional-dependencies"][extra] if extra else [])
    reqs = [Requirement(r) for r in raw]
    return [r for r in reqs if r.marker is None or r.marker.evaluate(LOCK_PLATFORM)]


def test_every_extra_of_pyproject_has_a_lock_file():
    assert set(LOCKS) == {"", *PROJECT["optional-dependencies"]}
    for name in LOCKS.values():
        assert (ROOT / name).is_file(), f"{name} is missing: run bash scripts/lock.sh"


@pytest.mark.parametrize("extra", sorted(LOCKS))
def test_every_dependency_is_locked_at_a_version_pyproject_allows(extra):
    pins = read_lock(LOCKS[extra])
    for req in wanted(extra):
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not in {LOCKS[extra]}: run bash scripts/lock.sh"
        version = pins[name][0]
        assert req.specifier.contains(version, prereleases=True), (
            f"{LOCKS[extra]} pins {req.name}=={version}, pyproject wants {req.specifier}")


@pytest.mark.parametrize("extra", sorted(LOCKS))
def test_every_locked_package_has_a_hash_and_torch_is_the_cpu_build(extra):
    pins = read_lock(LOCKS[extra])
    assert not [name for name, (_, hashes) in pins.items() if hashes == 0]
    assert pins["torch"][0].local == "cpu"
    assert not [n for n in pins if n.startswith(("nvidia-", "triton", "cuda-"))], "no CUDA packages"


def test_packages_shared_by_the_locks_have_the_same_version():
    test_pins = read_lock(LOCKS["test"])
    for extra in ("", "llm", "train"):
        pins = read_lock(LOCKS[extra])
        differ = {n: (v, test_pins[n][0]) for n, (v, _) in pins.items()
                  if n in test_pins and test_pins[n][0] != v}
        assert not differ, f"{LOCKS[extra]} and requirements-test.lock disagree: {differ}"
