"""The Chat tab: ask, see the answer's first line, open cited passages, rate each answer, export.

The conversation is a list of turns (``chat_state``) kept in the session and in the
browser's storage, so a reload shows it again; "New conversation" and the chatbot's clear
icon forget it everywhere. An answer is shown whole as soon as it exists (the extractive
writer does not stream), then the view scrolls to its first line. While an answer is being
made, Ask is disabled, a progress line shows and Stop cancels it. Citations written in the
answer are links that open the passage beside the chat; under the chat, one panel per answer
(``chat_panels``) holds its source chips, calculation cards and feedback. The handlers are
plain functions of ``Services`` so tests can call them without a browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial
from typing import Any

import gradio as gr

from advisor.errors import InvalidQuestion
from advisor.validation import MAX_CHARS, clean_question
from advisor.web import chat_state
from advisor.web.chat_panels import answer_panels, show_passage
from advisor.web.chat_state import Turn
from advisor.web.escape import plain
from advisor.web.services import AdvisorUnavailable, AnswerFailed, Services
from advisor.web.ui import CITE_JS, EXPORT_JS, SHOW_PASSAGE_JS, Page

EXAMPLES = [
    "Can I appeal the grade of my position?",
    "I was downgraded on 2026-11-02. When is my appeal deadline?",
    "What is the IT Core Series in CP-34?",
    "What competencies does an IT program manager need?",
]
PASSAGE_HINT = ("Select a citation in an answer, or a source under it, to read its passage here, "
                "with the quoted words highlighted.")
PROGRESS = "⏳ Searching the documents…"
STORAGE_KEY = "advisor-conversation"


def respond(services: Services, message: str | None, turns: list[Turn]) -> Iterator[tuple[Any, ...]]:
    """Yield (chatbot messages, turns, textbox value, status, Ask, Stop, browser copy): first the
    question with the progress line and Ask disabled, then the whole answer, kept in the browser
    at the same moment (a reload right after it still shows it), or what went wrong. What else
    follows from the new turns (the export, the panels) is ``remember``'s, once the answer is
    shown."""
    turns = list(turns or [])
    try:
        question = clean_question(message or "", MAX_CHARS)
    except InvalidQuestion as e:
        yield gr.skip(), gr.skip(), gr.skip(), f"⚠️ {plain(e)}", gr.skip(), gr.skip(), gr.skip()
        return
    shown = chat_state.messages_for(turns) + [{"role": "user", "content": plain(question)}]
    # the question stays in its box until answered, so Stop leaves it there to edit
    yield shown, gr.skip(), gr.skip(), PROGRESS, gr.Button(interactive=False), gr.Button(visible=True), gr.skip()
    try:
        answer = services.ask(question, chat_state.history_of(turns))
    except (InvalidQuestion, AdvisorUnavailable, AnswerFailed) as e:
        yield (chat_state.messages_for(turns), gr.skip(), message, f"⚠️ {plain(e)}", gr.Button(interactive=True),
               gr.Button(visible=False), gr.skip())
        return
    turns.append(chat_state.new_turn(question, answer))
    yield (chat_state.messages_for(turns), turns, "", "", gr.Button(interactive=True), gr.Button(visible=False),
           turns)


def stopped(turns: list[Turn]) -> tuple[Any, ...]:
    """After Stop: the conversation as it was, Ask enabled again."""
    return (chat_state.messages_for(turns or []), "Stopped. Ask again when you are ready.",
            gr.Button(interactive=True), gr.Button(visible=False))


def open_citation(services: Services, request: str, turns: list[Turn]) -> str:
    """The passage of a citation link in an answer (``"<answer id>:<n>"``; ``show_passage``
    serves the chips the same way)."""
    found = chat_state.cited(turns or [], request)
    if found is None:
        return "⚠️ That citation is not in this conversation any more. Ask the question again to see it."
    return show_passage(services, *found)


def remember(services: Services, turns: list[Turn]) -> tuple[list[Turn], str, Any, list[Turn]]:
    """After any change of the turns (an answer, feedback, a reload, a new conversation): what
    the browser keeps, the export's Markdown and its button, and the turns the panels draw."""
    turns = turns or []
    text = chat_state.export_markdown(turns, services.settings.today or date.today()) if turns else ""
    return turns, text, gr.Button(interactive=bool(turns)), turns


def restored(services: Services, stored: Any) -> tuple[Any, ...]:
    """On page load: the conversation kept in this browser, if any."""
    turns = chat_state.restore(stored)
    return chat_state.messages_for(turns), turns, *remember(services, turns)


def forget() -> tuple[Any, ...]:
    """New conversation: nothing shown, nothing kept, in the session or in the browser."""
    return [], [], [], "", "", PASSAGE_HINT, "", gr.Button(interactive=False), []


def build(page: Page) -> None:
    services = page.services
    with gr.Tab("Chat", id="chat"):
        turns = gr.State([])
        drawn = gr.State([])  # the turns whose panels are drawn (``remember``)
        stored = gr.BrowserState([], storage_key=STORAGE_KEY, secret=services.browser_secret())
        passage = gr.Markdown(PASSAGE_HINT, elem_id="passage", render=False)  # drawn in the side column
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=320):
                chatbot = gr.Chatbot(
                    show_label=False, elem_id="chatbot", height="min(64vh, 620px)", autoscroll=False,
                    latex_delimiters=[],  # answers hold dollar figures, never formulas
                    buttons=["copy"], feedback_options=None, placeholder="Ask a question, or pick an example:",
                    examples=[{"text": q} for q in EXAMPLES],
                )
                status = gr.Markdown(elem_id="chat-status", elem_classes="status-message")
                question = gr.Textbox(
                    label="Your question", elem_id="question", lines=1, max_lines=8,
                    max_length=MAX_CHARS, placeholder="e.g. When must I file a classification appeal?",
                    info="Press Enter or the Ask button. Follow-up questions use the conversation.",
                )
                with gr.Row(elem_id="chat-buttons"):
                    ask = gr.Button("Ask", variant="primary", elem_id="ask", scale=1, min_width=90)
                    stop = gr.Button("Stop", variant="stop", elem_id="stop", visible=False, scale=1, min_width=80)
                    new = gr.Button("New conversation", elem_id="new-conversation", scale=1, min_width=140)
                    export = gr.Button("Export (Markdown)", elem_id="export", scale=1, min_width=140,
                                       interactive=False)
                export_text = gr.Textbox(visible="hidden", elem_id="export-text", label="Conversation as Markdown")
                cite_request = gr.Textbox(visible="hidden", elem_id="cite-request", label="Citation to open")
                cite_open = gr.Button("Open the citation", visible="hidden", elem_id="cite-open")
                answer_panels(services, turns, drawn, passage)
            with gr.Column(scale=2, min_width=300, elem_id="passage-panel"):
                gr.Markdown("### Passage")
                passage.render()

    run = partial(respond, services)
    keep = partial(remember, services)
    outputs = [chatbot, turns, question, status, ask, stop, stored]
    # the progress line is the page's own: no Gradio spinners over the chat while answering
    quiet: dict[str, Any] = {"concurrency_limit": 4, "show_progress": "hidden"}
    asked = [ask.click(run, [question, turns], outputs, **quiet),
             question.submit(run, [question, turns], outputs, **quiet),
             chatbot.example_select(_example_text, None, question).then(run, [question, turns], outputs, **quiet)]
    turns.change(keep, turns, [stored, export_text, export, drawn])  # after an answer or feedback
    stop.click(stopped, turns, [chatbot, status, ask, stop], cancels=asked)
    cleared = [chatbot, turns, stored, question, status, passage, export_text, export, drawn]
    new.click(forget, None, cleared, cancels=asked)
    chatbot.clear(forget, None, cleared, cancels=asked)
    export.click(None, export_text, None, js=EXPORT_JS)
    cite_open.click(partial(open_citation, services), [cite_request, turns], passage, js=CITE_JS) \
        .then(None, js=SHOW_PASSAGE_JS)
    page.blocks.load(partial(restored, services), stored, [chatbot, turns, stored, export_text, export, drawn])


def _example_text(evt: gr.SelectData) -> str:
    value = evt.value
    return str(value.get("text", "")) if isinstance(value, dict) else str(value)
