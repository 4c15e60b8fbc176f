"""Optional LLM answerer: any LangChain chat model, grounded in retrieved passages, checked after.

An answer that cites nothing retrieved, cites a passage that was not given, or states a number
not found in the passages is rejected; the caller then falls back to the extractive answer.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from datetime import date
from importlib import resources
from typing import TYPE_CHECKING

from assistant.answering.base import Thresholds
from assistant.answering.extractive import citation_for, without_instructions
from assistant.text import base_terms
from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.types import Answer, Chunk

if TYPE_CHECKING:
    from assistant.retrieval.index import Retrieval
    from assistant.understanding import Turn

log = logging.getLogger(__name__)

_CITE = re.compile(r"\[(\d{1,2})\]")
_NUMBER = re.compile(r"(?<![\w\[])\d+(?:[.,]\d+)*(?![\w\]])")


def load_prompt(name: str) -> str:
    """A prompt text from assistant/prompts/."""
    return resources.files("assistant").joinpath("prompts", name).read_text(encoding="utf-8")


def chat_model_from_settings(settings: Settings):
    """The LangChain chat model `SPOOR2_LLM` names, e.g. "ollama:llama3.1" or "openai:gpt-4o-mini"."""
    try:
        from langchain.chat_models import init_chat_model
    except ImportError as exc:
        raise ConfigError("SPOOR2_LLM is set but langchain is not installed: pip install -e '.[llm]'") from exc
    kwargs: dict = {"temperature": 0}
    if settings.llm_base_url:
        kwargs["base_url"] = settings.llm_base_url
    if settings.llm_api_key:
        kwargs["api_key"] = settings.llm_api_key.get_secret_value()
    try:
        return init_chat_model(settings.llm, **kwargs)
    except Exception as exc:  # unknown provider, missing integration package
        raise ConfigError(f"Cannot set up SPOOR2_LLM={settings.llm!r}: {exc}") from exc


def _numbers(text: str) -> set[str]:
    return {n.replace(".", "").replace(",", "") for n in _NUMBER.findall(text)}


def _unsupported_sentence(text: str, passages: Sequence[Chunk], language: str, tool_text: str = "") -> str:
    """The first cited sentence that shares too few words with the passages it cites (and the
    calculator's output, which the model may quote)."""
    for sentence in re.split(r"(?<=[.!?\]])\s+", text):
        numbers = {int(n) for n in _CITE.findall(sentence)}
        words = set(base_terms(_CITE.sub("", sentence), language))
        if not numbers or not words:
            continue
        source = set(base_terms(tool_text, language)) if tool_text else set()
        for n in numbers:
            source |= set(base_terms(passages[n - 1].text, language))
        if len(words & source) < max(1, len(words) // 3):
            return sentence.strip()
    return ""


def check_grounding(
    text: str, passages: Sequence[Chunk], question: str, language: str = "nl", tool_text: str = ""
) -> str:
    """Why the answer is not grounded ("" when it is)."""
    cited = {int(n) for n in _CITE.findall(text)}
    if not cited:
        return "cites no passage"
    if any(n < 1 or n > len(passages) for n in cited):
        return "cites a passage that was not retrieved"
    unsupported = _unsupported_sentence(text, passages, language, tool_text)
    if unsupported:
        return f"a sentence is not supported by the passage it cites: {unsupported[:80]!r}"
    allowed = _numbers(" ".join(c.text for c in passages)) | _numbers(question) | _numbers(tool_text)
    unknown = _numbers(_CITE.sub("", text)) - allowed
    if unknown:
        return f"states numbers not in the sources: {sorted(unknown)[:5]}"
    return ""


class LLMAnswerer:
    """Asks a chat model to answer from numbered passages; exposes the deadline calculator as a tool."""

    def __init__(self, chat_model, clock: Callable[[], date] = date.today, thresholds: Thresholds | None = None):
        self.chat_model = chat_model
        self.clock = clock
        self.thresholds = thresholds
        self.name = getattr(chat_model, "model_name", None) or type(chat_model).__name__
        self.system = load_prompt("answer_system.txt")
        self.user = load_prompt("answer_user.txt")

    def answer(self, turn: Turn, retrieval: Retrieval) -> Answer | None:
        """The model's answer from the retrieved passages (vetted ones first), or None to fall back."""
        from assistant.answering.refusals import confidence, strong_enough

        if self.thresholds is not None and not strong_enough(retrieval, self.thresholds):
            return None
        passages = retrieval.passages(turn.language, kinds=("article", "card")) or retrieval.passages(turn.language)
        trace: dict = {}
        answer = self.compose(turn.parts[retrieval.part], passages[:5], turn.language, trace)
        if answer is None:
            turn.notes["llm_rejected"] = trace.get("llm_rejected", "")
            return None
        answer.confidence = confidence(retrieval)
        return answer

    def compose(self, question: str, passages: Sequence[Chunk], language: str, trace: dict) -> Answer | None:
        """A grounded answer, or None when the model fails or its answer does not hold up."""
        from langchain_core.messages import HumanMessage, SystemMessage, ToolMessage

        from assistant.answering.tools import deadline_tool

        passages = [Chunk(c.id, without_instructions(c.text), c.metadata) for c in passages]
        numbered = "\n\n".join(
            f"[{i}] {c.metadata.get('title', '')} — {c.metadata.get('section', '')}\n{c.text}"
            for i, c in enumerate(passages, start=1)
        )
        messages = [
            SystemMessage(self.system.format(language_name="English" if language == "en" else "Dutch")),
            HumanMessage(self.user.format(passages=numbered, question=question)),
        ]
        tool = deadline_tool(self.clock)
        try:
            model = self.chat_model.bind_tools([tool]) if hasattr(self.chat_model, "bind_tools") else self.chat_model
            parts: list[str] = []
            reply = None
            for _ in range(3):  # a tool call, then the final answer
                parts = []
                reply = None
                for chunk in model.stream(messages):
                    reply = chunk if reply is None else reply + chunk
                    if isinstance(chunk.content, str) and chunk.content:
                        parts.append(chunk.content)
                if reply is None or not getattr(reply, "tool_calls", None):
                    break
                messages.append(reply)
                for call in reply.tool_calls:
                    messages.append(ToolMessage(tool.invoke(call["args"]), tool_call_id=call["id"]))
                    trace.setdefault("tool_calls", []).append({"name": call["name"], "args": call["args"]})
        except Exception as exc:  # any provider error: fall back, never surface it
            log.warning("LLM answer failed: %r", exc)
            trace["llm_rejected"] = "model error"
            return None
        text = "".join(parts).strip() or (str(reply.content).strip() if reply is not None else "")
        tool_text = " ".join(m.content for m in messages if isinstance(m, ToolMessage))
        problem = check_grounding(text, passages, question, language, tool_text)
        if problem:
            log.info("LLM answer rejected: %s", problem)
            trace["llm_rejected"] = problem
            return None
        cited = sorted({int(n) for n in _CITE.findall(text)})
        renumber = {old: new for new, old in enumerate(cited, start=1)}
        text = _CITE.sub(lambda m: f"[{renumber[int(m.group(1))]}]", text)
        citations = [citation_for(passages[old - 1], new) for old, new in renumber.items()]
        trace["path"] = "llm"
        trace["streamed_parts"] = parts or [text]
        return Answer(text, "llm", language, citations, trace=trace)
