"""Optional LLM answerer: any LangChain chat model, grounded in retrieved passages, checked after.

Built from the parts LangChain users get (`assistant.langchain`): the passages are the retriever's
`Document`s and the calculator is the same `StructuredTool`, run by LangChain's own tool-calling
agent (`langchain.agents.create_agent`: the model's tool calls through `bind_tools`); the prompts
are `ChatPromptTemplate`s from assistant/prompts/. Every run takes the
answerer's `RunnableConfig`, so callbacks (Langfuse, a LangSmith tracer, or LANGSMITH_TRACING=true
in the environment) see the model and tool runs.

An answer that cites nothing retrieved, cites a passage that was not given, or states a number
not found in the passages is rejected; the caller then falls back to the extractive answer.
While the model writes, each finished sentence that already holds up is handed on (streaming);
nothing is handed on before the first cited sentence.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from datetime import date
from importlib import resources
from typing import TYPE_CHECKING, Any

from assistant.answering.base import StreamClosed, Thresholds
from assistant.answering.extractive import citation_for, without_instructions
from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.text import base_terms, sentence_breaks
from assistant.text import sentences as split_sentences
from assistant.types import Answer, Chunk

if TYPE_CHECKING:
    from langchain_core.prompts import ChatPromptTemplate
    from langchain_core.runnables import RunnableConfig

    from assistant.retrieval.index import Retrieval
    from assistant.understanding import Turn

log = logging.getLogger(__name__)

_CITE = re.compile(r"\[(\d{1,2})\]")
_NUMBER = re.compile(r"(?<![\w\[])\d+(?:[.,]\d+)*(?![\w\]])")
MAX_TOOL_ROUNDS = 2


def load_prompt(name: str) -> str:
    """A prompt text from assistant/prompts/."""
    return resources.files("assistant").joinpath("prompts", name).read_text(encoding="utf-8")


def answer_prompt() -> ChatPromptTemplate:
    """The answer prompt: the system rules, then the numbered passages and the question."""
    from langchain_core.prompts import ChatPromptTemplate

    return ChatPromptTemplate.from_messages([
        ("system", load_prompt("answer_system.txt")),
        ("human", load_prompt("answer_user.txt")),
    ])


def _agent(chat_model, tool):
    """LangChain's tool-calling agent over the model, with the calculator when the model can call tools."""
    try:
        from langchain.agents import create_agent
    except ImportError as exc:
        raise ConfigError("The LLM answerer needs langchain: pip install -e '.[llm]'") from exc
    try:
        chat_model.bind_tools([tool])
    except NotImplementedError:  # a model without tool calling answers without the calculator
        return create_agent(chat_model, tools=[])
    return create_agent(chat_model, tools=[tool])


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
    for sentence in split_sentences(text, closers="]"):
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
    if not _CITE.search(text):
        return "cites no passage"
    return _problem(text, passages, question, language, tool_text)


def _problem(text: str, passages: Sequence[Chunk], question: str, language: str, tool_text: str) -> str:
    """Why some text (a whole answer or one sentence of it) does not hold up ("" when it does)."""
    if any(n < 1 or n > len(passages) for n in (int(n) for n in _CITE.findall(text))):
        return "cites a passage that was not retrieved"
    unsupported = _unsupported_sentence(text, passages, language, tool_text)
    if unsupported:
        return f"a sentence is not supported by the passage it cites: {unsupported[:80]!r}"
    allowed = _numbers(" ".join(c.text for c in passages)) | _numbers(question) | _numbers(tool_text)
    unknown = _numbers(_CITE.sub("", text)) - allowed
    if unknown:
        return f"states numbers not in the sources: {sorted(unknown)[:5]}"
    return ""


def renumber(text: str, numbers: dict[int, int]) -> str:
    """Citations renumbered 1, 2, ... in order of first appearance (`numbers` is filled in)."""
    def new(match: re.Match) -> str:
        old = int(match.group(1))
        return f"[{numbers.setdefault(old, len(numbers) + 1)}]"

    return _CITE.sub(new, text)


class SentenceRelease:
    """Hands the model's text on sentence by sentence while it streams, once each holds up.

    Text is held until a cited sentence has passed; a sentence that would fail the grounding
    check stops the release (the final check then decides, and the caller replaces what was
    shown). What is handed on is always the start of the final answer text.
    """

    def __init__(self, on_text: Callable[[str], None] | None, passages: Sequence[Chunk],
                 question: str, language: str):
        self.on_text, self.passages, self.question, self.language = on_text, passages, question, language
        self.raw, self.checked, self.shown, self.tool_text = "", 0, "", ""
        self.cited = self.stopped = False

    def feed(self, text: str) -> None:
        """Add streamed text; hand on the sentences it completes that hold up."""
        if self.on_text is None or self.stopped:
            return
        self.raw += text
        ready = self.checked
        for stop, _ in sentence_breaks(self.raw, closers="]"):
            if stop < self.checked:
                continue
            sentence = self.raw[self.checked:stop]
            if _problem(sentence, self.passages, self.question, self.language, self.tool_text):
                self.stopped = True
                break
            self.cited = self.cited or bool(_CITE.search(sentence))
            self.checked = stop
            ready = self.checked
        if self.cited and ready:
            text = renumber(self.raw[:ready], {}).lstrip()
            if len(text) > len(self.shown):
                self.on_text(text[len(self.shown):])
                self.shown = text

    def new_round(self, tool_text: str) -> None:
        """The model called a tool: its next reply starts over (nothing more if text was shown)."""
        self.tool_text += tool_text
        self.stopped = self.stopped or bool(self.shown)
        self.raw, self.checked = "", 0


class LLMAnswerer:
    """Asks a chat model to answer from numbered passages; the deadline calculator is its tool.

    Args:
        chat_model: any LangChain chat model (tools are bound when it supports tool calling).
        clock: "today" for the calculator.
        thresholds: retrieval this weak gets no model answer (set by `default_answerers`).
        config: a `RunnableConfig` for every run, e.g. {"callbacks": [langfuse_handler]}.
    """

    def __init__(self, chat_model, clock: Callable[[], date] = date.today, thresholds: Thresholds | None = None,
                 config: RunnableConfig | None = None):
        from assistant.langchain import deadline_tool

        self.chat_model = chat_model
        self.clock = clock
        self.thresholds = thresholds
        self.config: dict[str, Any] = dict(config or {})
        self.name = getattr(chat_model, "model_name", None) or type(chat_model).__name__
        self.prompt = answer_prompt()
        self.tool = deadline_tool(clock)
        self.agent = _agent(chat_model, self.tool)

    def answer(self, turn: Turn, retrieval: Retrieval) -> Answer | None:
        """The model's answer from the retrieved passages (vetted ones first), or None to fall back."""
        from assistant.answering.refusals import confidence, strong_enough

        if self.thresholds is not None and not strong_enough(retrieval, self.thresholds):
            return None
        passages = retrieval.passages(turn.language, kinds=("article", "card")) or retrieval.passages(turn.language)
        scores = {f.hit.chunk.id: f.hit.score for f in retrieval.all_fused}
        trace: dict = {}
        answer = self.compose(turn.parts[retrieval.part], passages[:5], turn.language, trace,
                              on_text=turn.notes.get("on_text"), scores=scores)
        if answer is None:
            turn.notes["llm_rejected"] = trace.get("llm_rejected", "")
            return None
        answer.confidence = confidence(retrieval)
        return answer

    def compose(
        self, question: str, passages: Sequence[Chunk], language: str, trace: dict,
        on_text: Callable[[str], None] | None = None, scores: dict[str, float] | None = None,
    ) -> Answer | None:
        """A grounded answer, or None when the model fails or its answer does not hold up.

        `on_text` receives the answer's text as it streams (checked sentences only).
        """
        from langchain_core.messages import AIMessage, ToolMessage
        from langchain_core.runnables.config import merge_configs

        passages = [Chunk(c.id, without_instructions(c.text), c.metadata) for c in passages]
        inputs = _prompt_inputs(question, passages, language, scores)
        config = merge_configs(self.config, {"run_name": "spoor2_answer", "tags": ["spoor2"],
                                             "metadata": {"language": language},
                                             "recursion_limit": 2 * MAX_TOOL_ROUNDS + 2})
        release = SentenceRelease(on_text, passages, question, language)
        tool_text = ""
        messages: list = []
        try:
            prompt = self.prompt.invoke(inputs, config=config).to_messages()
            for mode, data in self.agent.stream({"messages": prompt}, config=config,
                                                stream_mode=["messages", "values"]):
                if mode == "values":
                    messages = data["messages"]
                    continue
                message, _ = data
                if isinstance(message, ToolMessage):  # the calculator answered: the model starts over
                    tool_text += f" {message.content}"
                    release.new_round(tool_text)
                elif isinstance(message, AIMessage) and not (message.tool_calls
                                                              or getattr(message, "tool_call_chunks", None)):
                    release.feed(message.text)
        except StreamClosed:
            raise
        except Exception as exc:  # noqa: BLE001 - any provider error: fall back, never surface it
            log.warning("LLM answer failed: %r", exc)
            trace["llm_rejected"] = "model error"
            return None
        _record_tool_calls(messages[len(prompt):], trace)
        reply = messages[-1] if len(messages) > len(prompt) else None
        text = reply.text.strip() if isinstance(reply, AIMessage) else ""
        problem = check_grounding(text, passages, question, language, tool_text)
        if problem:
            log.info("LLM answer rejected: %s", problem)
            trace["llm_rejected"] = problem
            return None
        numbers: dict[int, int] = {}
        text = renumber(text, numbers)
        citations = [citation_for(passages[old - 1], new) for old, new in numbers.items()]
        trace["path"] = "llm"
        return Answer(text, "llm", language, citations, trace=trace)


def _prompt_inputs(question: str, passages: Sequence[Chunk], language: str,
                   scores: dict[str, float] | None) -> dict[str, str]:
    """The prompt's variables: the language's name, the numbered passages and the question."""
    from assistant.langchain import documents

    numbered = "\n\n".join(
        f"[{d.metadata['number']}] {d.metadata['title']} — {d.metadata['section']}\n{d.page_content}"
        for d in documents(passages, scores)
    )
    return {"language_name": "English" if language == "en" else "Dutch",
            "passages": numbered, "question": question}


def _record_tool_calls(messages: Sequence[Any], trace: dict) -> None:
    """The model's calls of the calculator, into the trace."""
    for message in messages:
        for call in getattr(message, "tool_calls", None) or []:
            trace.setdefault("tool_calls", []).append({"name": call["name"], "args": call["args"]})
