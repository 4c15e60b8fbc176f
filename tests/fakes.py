"""Fakes for parts that cannot run here: a scripted LangChain chat model (hosted LLMs)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult


class ScriptedChatModel(BaseChatModel):
    """Replays queued replies in order and records every call (messages and bound tools)."""

    replies: list[AIMessage]
    calls: list[list[BaseMessage]] = []
    tools: list[Any] = []

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> ScriptedChatModel:
        self.tools = list(tools)
        return self

    def _generate(self, messages: list[BaseMessage], stop=None, run_manager=None, **kwargs) -> ChatResult:
        self.calls.append(list(messages))
        reply = self.replies.pop(0) if self.replies else AIMessage(content="")
        return ChatResult(generations=[ChatGeneration(message=reply)])


def scripted(*replies: str | AIMessage) -> ScriptedChatModel:
    """A scripted model answering with the given texts (or ready-made messages)."""
    messages = [r if isinstance(r, AIMessage) else AIMessage(content=r) for r in replies]
    return ScriptedChatModel(replies=messages, calls=[], tools=[])
