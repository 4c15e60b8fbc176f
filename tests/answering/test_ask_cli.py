"""`spoor2 ask`: one question, JSON output, and JSON lines from stdin with the model loaded once."""
from __future__ import annotations

import io
import json

from assistant.cli import main


def test_ask_prints_the_answer_and_its_sources(kb_settings, capsys):
    code = main(["ask", "Wat kost een spoor 2-traject?", "--data-dir", str(kb_settings.data_dir)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Bronnen:" in out and "[1]" in out


def test_ask_jsonl_answers_every_line_and_reports_bad_lines(kb_settings, capsys, monkeypatch):
    lines = [
        {"question": "Wanneer moet de probleemanalyse klaar zijn?", "audience": "werkgever"},
        {"question": "and for the employee?", "history": [
            {"role": "user", "content": "What are the employer's obligations during sickness?"}]},
        "not an object",
        {"question": "Ziek sinds 1 maart 2024, wanneer is de 42e-weeksmelding?"},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["ask", "--jsonl", "--data-dir", str(kb_settings.data_dir)])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 3  # one line was bad
    assert len(records) == 4
    assert records[0]["kind"] == "card" and records[0]["citations"]
    assert records[1]["language"] == "en"
    assert records[2] == {"line": 3, "error": records[2]["error"]} and "question" in records[2]["error"]
    assert records[3]["kind"] == "deadline" and "20 december 2024" in records[3]["answer"]
    assert set(records[0]) >= {"question", "answer", "kind", "language", "citations", "confidence"}


def test_ask_without_an_index_says_how_to_build_one(tmp_path, capsys):
    code = main(["ask", "Wat is spoor 2?", "--data-dir", str(tmp_path / "empty")])
    assert code == 1
    assert "spoor2 ingest knowledge/" in capsys.readouterr().err


_EXIT_AT_ONCE = """
import sys, threading
from assistant.build import build_assistant
from assistant.config import Settings
with build_assistant(Settings.from_env({}, data_dir=sys.argv[1])) as assistant:
    loading = [t.daemon for t in threading.enumerate() if t.name == "spoor2-lexicon"]
print(loading)
"""


def test_a_process_that_ends_right_after_loading_the_assistant_exits_cleanly(kb_settings):
    """A one-shot script (or `spoor2 ask`) ends while the spelling word list still loads in the
    background: Python must wait for that thread, not stop it inside numpy, which aborted the
    process with exit code 134 ("terminate called without an active exception")."""
    import os
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _EXIT_AT_ONCE, str(kb_settings.data_dir)],
                          capture_output=True, text=True, timeout=300,
                          env=os.environ | {"HF_HUB_OFFLINE": "1"})
    assert done.returncode == 0 and "terminate called" not in done.stderr, done.stderr[-2000:]
    assert done.stdout.strip() == "[False]", done.stdout  # still loading, and waited for
