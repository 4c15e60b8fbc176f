"""The ingest command: summary, exit codes, progress bar, `python -m ingest`."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import cli as spoor2
from assistant.errors import Spoor2Error
from ingest import cli

ROOT = Path(__file__).resolve().parents[2]


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _run(settings, paths, embedder, **kw):
    out, err = io.StringIO(), kw.pop("err", io.StringIO())
    code = cli.run(settings, paths, embedder=embedder, out=out, err=err, **kw)
    return code, out.getvalue(), err.getvalue()


def test_summary_counts_and_then_says_nothing_changed(settings, knowledge, embedder):
    code, out, err = _run(settings, [knowledge], embedder)
    assert code == 0 and err == ""  # no progress bar when stderr is not a terminal
    first = out.splitlines()[0]
    assert first.startswith("Read 8 files: ") and " chunks added, 0 unchanged, 0 removed; " in first
    assert "0 files skipped" in first and "(model load " in first
    assert "Ignored 1 file of unsupported types" in out
    assert "oud-verslag.txt — decoded as cp1252" in out

    code, out, _ = _run(settings, [knowledge], embedder)
    assert code == 0 and "Nothing changed: 0 chunks embedded" in out
    assert "model load" not in out and " 0 chunks added" in out


def test_skipped_files_are_named_and_exit_code_is_3(settings, knowledge, embedder):
    (knowledge / "kapot.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages")
    code, out, _ = _run(settings, [knowledge], embedder)
    assert code == 3
    assert "; 1 file skipped; " in out
    (line,) = [ln for ln in out.splitlines() if ln.startswith("Skipped: ")]
    assert line.endswith("kb/kapot.pdf — not a readable PDF (PdfStreamError)")


def test_progress_bar_only_on_a_terminal(settings, knowledge, embedder):
    terminal = Terminal()
    _run(settings, [knowledge], embedder, err=terminal)
    assert "Reading" in terminal.getvalue() and "Embedding" in terminal.getvalue()
    quiet = Terminal()
    code, out, _ = _run(settings, [knowledge / "week-42.txt"], embedder, err=quiet, quiet=True)
    assert code == 0 and out == "" and quiet.getvalue() == ""


def test_failed_ingest_says_the_old_index_still_serves(settings, knowledge, embedder):
    class Broken:
        def embed_documents(self, texts):
            raise RuntimeError("secret internal detail")

    with pytest.raises(Spoor2Error) as info:
        _run(settings, [knowledge], Broken())
    assert "previous index still serves" in str(info.value)
    assert "secret internal detail" not in str(info.value)


def test_missing_path_is_exit_code_1_with_its_name(tmp_path, capsys):
    code = spoor2.main(["ingest", "--data-dir", str(tmp_path), str(tmp_path / "bestaat-niet")])
    assert code == 1
    assert "bestaat-niet" in capsys.readouterr().err


def test_model_mismatch_is_exit_code_1_and_says_rebuild(settings, knowledge, embedder, monkeypatch,
                                                        capsys):
    _run(settings, [knowledge], embedder)
    monkeypatch.setenv("SPOOR2_EMBEDDING_MODEL", "other-model")
    code = spoor2.main(["ingest", "--data-dir", str(settings.data_dir), str(knowledge)])
    assert code == 1
    assert "--rebuild" in capsys.readouterr().err


def test_help_lists_the_options():
    text = spoor2.build_parser()._subparsers._group_actions[0].choices["ingest"].format_help()
    for option in ("--prune", "--rebuild", "--quiet", "--data-dir", "PATH"):
        assert option in text


def test_python_dash_m_ingest_rerun_is_fast_and_loads_no_model(settings, knowledge, embedder):
    _run(settings, [knowledge], embedder)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "ingest", "--data-dir", str(settings.data_dir), str(knowledge)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Nothing changed: 0 chunks embedded" in done.stdout
    assert "model load" not in done.stdout
