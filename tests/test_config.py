"""Settings: SPOOR2_* from the environment and .env, errors naming the variable, secret keys."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def test_every_variable_in_env_example_parses_to_the_documented_default():
    lines = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    env = dict(line.split("=", 1) for line in lines if line.startswith("SPOOR2_"))
    assert Settings.from_env(env) == Settings()
    fields = {f"SPOOR2_{name.upper()}" for name in Settings.model_fields}
    assert set(env) == fields, "every setting is documented in .env.example, and no other"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert not [name for name in fields if f"`{name}`" not in readme], "README settings table"


def test_dotenv_file_is_read_and_the_environment_wins(tmp_path, monkeypatch):
    (tmp_path / ".env").write_text(
        "SPOOR2_PORT=8123\nSPOOR2_COLLECTION=bureau\nSPOOR2_ALLOWED_ORIGINS=https://a.nl, https://b.nl\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    for name in [k for k in os.environ if k.startswith("SPOOR2_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("SPOOR2_COLLECTION", "uit-de-omgeving")
    settings = Settings.from_env()
    assert settings.port == 8123
    assert settings.collection == "uit-de-omgeving"
    assert settings.allowed_origins == ("https://a.nl", "https://b.nl")


def test_an_explicit_mapping_ignores_the_process_environment(monkeypatch):
    monkeypatch.setenv("SPOOR2_PORT", "9999")
    assert Settings.from_env({}).port == 7860
    assert Settings.from_env({}, port=8000).port == 8000


@pytest.mark.parametrize("env, variable", [
    ({"SPOOR2_PORT": "zeventig"}, "SPOOR2_PORT"),
    ({"SPOOR2_CHROMA_PORT": "70000"}, "SPOOR2_CHROMA_PORT"),
    ({"SPOOR2_CHUNK_SIZE": "100"}, "SPOOR2_CHUNK_SIZE"),
    ({"SPOOR2_CHUNK_OVERLAP": "600"}, "SPOOR2_CHUNK_OVERLAP"),
    ({"SPOOR2_MAX_CONCURRENCY": "0"}, "SPOOR2_MAX_CONCURRENCY"),
    ({"SPOOR2_API_DOCS": "misschien"}, "SPOOR2_API_DOCS"),
    ({"SPOOR2_LOG_LEVEL": "luid"}, "SPOOR2_LOG_LEVEL"),
])
def test_an_invalid_value_is_a_config_error_that_names_the_variable(env, variable):
    with pytest.raises(ConfigError) as caught:
        Settings.from_env(env)
    message = str(caught.value)
    assert variable in message
    assert repr(next(iter(env.values()))) in message, "the bad value is shown"


def test_keys_never_print():
    settings = Settings.from_env({"SPOOR2_LLM_API_KEY": "sk-geheim-123"})
    assert settings.llm_api_key.get_secret_value() == "sk-geheim-123"
    for shown in (str(settings), repr(settings), settings.model_dump_json()):
        assert "sk-geheim-123" not in shown


def test_replace_validates_again_and_rejects_unknown_names(tmp_path):
    settings = Settings().replace(data_dir=str(tmp_path), port=None)
    assert settings.data_dir == tmp_path and settings.port == 7860
    with pytest.raises(ConfigError, match="SPOOR2_CHUNK_SIZE"):
        settings.replace(chunk_size=10)
    with pytest.raises(ConfigError, match="prot"):
        settings.replace(prot=80)


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SPOOR2_")}
    return subprocess.run(args, cwd=ROOT, env={**clean, **env}, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("command", [
    [sys.executable, "-m", "assistant.cli", "serve"],
    [sys.executable, "-m", "assistant.cli", "ask", "Wanneer start spoor 2?"],
    [sys.executable, "app.py"],
])
def test_a_bad_setting_stops_cli_and_server_with_a_message_not_a_traceback(command):
    result = _run(command, SPOOR2_PORT="zeventig")
    assert result.returncode == 1
    assert "SPOOR2_PORT" in result.stderr and "'zeventig'" in result.stderr
    assert "Traceback" not in result.stderr


def test_version_flag_prints_the_package_version():
    result = _run([sys.executable, "-m", "assistant.cli", "--version"])
    assert result.returncode == 0
    assert re.fullmatch(r"spoor2 \d+\.\d+\.\d+\S*\n", result.stdout)
