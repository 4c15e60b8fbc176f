"""Starting the app: index missing is a clear 503 (and heals itself); `spoor2 serve` and app.py."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from assistant.web import AssistantHolder, create_app
from assistant.web import holder as holder_module

from .servers import free_port, wait_until

REPO = Path(__file__).resolve().parents[2]


def test_missing_index_still_serves_the_ui_and_says_how_to_build_it(
    web_settings, tmp_path, monkeypatch
):
    from assistant import build_assistant

    empty = web_settings.replace(data_dir=tmp_path / "empty")
    target = {"settings": empty}
    monkeypatch.setattr(holder_module, "RETRY_SECONDS", 0.0)
    app = create_app(empty, AssistantHolder(lambda: build_assistant(target["settings"])))
    with TestClient(app) as client:
        health = wait_until(lambda: (r := client.get("/api/health")).json()["status"] != "starting"
                            and r)
        assert health.status_code == 503 and health.json()["status"] == "index_missing"
        assert "spoor2 ingest knowledge/" in health.json()["message"]
        chat = client.post("/api/chat", json={"message": "Wanneer start spoor 2?"})
        assert chat.status_code == 503 and "spoor2 ingest" in chat.json()["error"]["message"]
        assert client.get("/ui/").status_code == 200
        # Once the operator has built the index, the app picks it up without a restart.
        target["settings"] = web_settings
        ready = wait_until(lambda: client.get("/api/health").status_code == 200, timeout=120)
        assert ready
        chat = client.post("/api/chat", json={"message": "Wanneer start spoor 2?"})
        assert chat.status_code == 200


def _start(cmd: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.mark.server
def test_spoor2_serve_starts_the_app_on_the_given_port(web_settings):
    port = free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = _start([sys.executable, "-m", "assistant.cli", "serve", "--host", "127.0.0.1",
                   "--port", str(port), "--data-dir", str(web_settings.data_dir)], env)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until(lambda: httpx.get(base + "/api/health").status_code == 200, timeout=120)
        res = httpx.post(base + "/api/chat", json={"message": "Wanneer moet spoor 2 starten?"},
                         timeout=60)
        assert res.status_code == 200 and res.json()["citations"]
        assert httpx.get(base + "/ui/").status_code == 200
    finally:
        _stop(proc)


@pytest.mark.server
def test_python_app_py_starts_even_without_an_index(tmp_path):
    port = free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "SPOOR2_DATA_DIR": str(tmp_path / "none"),
           "SPOOR2_PORT": str(port)}
    proc = _start([sys.executable, "app.py"], env)
    try:
        base = f"http://127.0.0.1:{port}"
        health = wait_until(
            lambda: (r := httpx.get(base + "/api/health")).json()["status"] == "index_missing"
            and r, timeout=60)
        assert health.status_code == 503 and "spoor2 ingest" in health.json()["message"]
        assert httpx.get(base + "/widget.js").status_code == 200
    finally:
        _stop(proc)


def test_the_server_module_leaves_gradio_for_later_so_the_build_can_start_first():
    code = ("import sys, assistant.web.server, assistant.web.holder; "
            "print('gradio' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


def test_the_web_app_imports_gradio_without_rewriting_its_type_stubs(tmp_path):
    """On every import, Gradio reads the source of each component class and rewrites a `.pyi`
    stub beside it: half of `import gradio`, on the way to the first answer after a start. With
    the web app imported, a component class is made without a stub written beside it."""
    (tmp_path / "shout.py").write_text(
        "import gradio as gr\n\n\nclass Shout(gr.Textbox):\n    EVENTS = []\n")
    code = "import assistant.web.app\nimport shout\nprint(shout.Shout.__name__)\n"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(tmp_path)])}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "Shout", done.stderr[-2000:]
    assert not (tmp_path / "shout.pyi").exists()
