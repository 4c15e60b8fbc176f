"""The LangChain surface from the outside: our retriever and calculator tool in a user's chain and agent."""
from __future__ import annotations

from datetime import date

from langchain_core.documents import Document
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, ToolMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import RunnablePassthrough

from assistant.deadlines import Episode, compute_timeline
from assistant.langchain import Spoor2Retriever, deadline_tool
from tests.fakes import scripted

TODAY = date(2025, 11, 23)


def test_retriever_returns_documents_with_what_a_citation_needs(kb_assistant):
    docs = Spoor2Retriever(assistant=kb_assistant, k=3).invoke("Wat is een loonsanctie van UWV?")
    assert 1 <= len(docs) <= 3 and all(isinstance(d, Document) for d in docs)
    top = docs[0]
    assert "loonsanctie" in " ".join(d.page_content.lower() for d in docs)
    assert top.metadata["url"].startswith(("/bron/", "http")) and top.metadata["title"]
    assert {"doc_id", "source", "section", "score", "kind", "language"} <= set(top.metadata)
    assert [d.metadata["number"] for d in docs] == list(range(1, len(docs) + 1))
    scores = [d.metadata["score"] for d in docs]
    assert scores == sorted(scores, reverse=True)


def test_retriever_is_the_products_own_search(kb_assistant):
    question = "Wanneer moet ik de WIA-aanvraag indienen?"
    docs = Spoor2Retriever(assistant=kb_assistant, k=4).invoke(question)
    hits = kb_assistant.retrieve(kb_assistant.understand(question), k=4)
    assert [d.id for d in docs] == [h.chunk.id for h in hits]


def test_retriever_and_a_fake_model_make_a_working_rag_chain(kb_assistant):
    retriever = Spoor2Retriever(assistant=kb_assistant, k=2, language="nl")
    prompt = ChatPromptTemplate.from_messages([("system", "Antwoord uit:\n{context}"), ("human", "{question}")])
    model = GenericFakeChatModel(messages=iter(["Ten hoogste 52 weken [1]."]))
    seen: list[str] = []

    def context(docs: list[Document]) -> str:
        text = "\n".join(f"[{d.metadata['number']}] {d.page_content}" for d in docs)
        seen.append(text)
        return text

    chain = {"context": retriever | context, "question": RunnablePassthrough()} | prompt | model | StrOutputParser()
    assert chain.invoke("Hoe lang duurt een loonsanctie?") == "Ten hoogste 52 weken [1]."
    assert seen and "[1]" in seen[0] and "loonsanctie" in seen[0].lower()


def test_deadline_tool_takes_the_full_input_and_returns_the_timeline_as_data():
    tool = deadline_tool(lambda: TODAY)
    schema = tool.args_schema.model_json_schema()
    for name in ("first_sick_day", "episodes", "eje", "probleemanalyse", "loonsanctie_weeks", "verlenging_tot"):
        assert schema["properties"][name]["description"]
    args = {"episodes": [{"start": "2024-01-08", "end": "2024-01-19"}], "first_sick_day": "2024-02-05",
            "eje": "2025-01-20", "probleemanalyse": "2024-03-25", "loonsanctie_weeks": 12}
    result = tool.invoke(args)
    expected = compute_timeline(
        [Episode(date(2024, 1, 8), date(2024, 1, 19)), Episode(date(2024, 2, 5), None)], today=TODAY,
        eje=date(2025, 1, 20), probleemanalyse=date(2024, 3, 25), loonsanctie_weeks=12).to_dict()
    assert result == expected
    assert result["period_start"] == "2024-01-08"  # a gap under four weeks joins the periods


def test_deadline_tool_says_what_is_wrong_instead_of_failing():
    tool = deadline_tool(lambda: TODAY)
    assert "first_sick_day" in tool.invoke({})["error"]
    bad = tool.invoke({"first_sick_day": "2024-03-01", "eje": "2023-01-01"})
    assert bad["error"] and bad["error_nl"]


def test_an_agent_calls_the_deadline_tool_through_the_models_own_tool_calling():
    from langchain.agents import create_agent

    call = AIMessage(content="", tool_calls=[{"name": "calculate_deadlines", "id": "c1",
                                              "args": {"first_sick_day": "2024-03-01"}}])
    model = scripted(call, "De WIA-aanvraag: uiterlijk 11 december 2025.")
    agent = create_agent(model, tools=[deadline_tool(lambda: TODAY)])
    result = agent.invoke({"messages": [("user", "Ziek sinds 1 maart 2024. Wanneer de WIA-aanvraag?")]})
    tool_message = next(m for m in result["messages"] if isinstance(m, ToolMessage))
    assert '"key": "wia_aanvraag"' in tool_message.content or "wia" in tool_message.content.lower()
    assert "2025-12-11" in tool_message.content
    assert result["messages"][-1].content.endswith("11 december 2025.")
