"""The Chat tab: streamed answers, citation chips that open the passage, calculation cards, feedback.

The conversation lives in a ``gr.State`` list of turns ``{"question", "answer"}`` (Answer
JSON); the chatbot shows them and earlier questions feed follow-ups as ``history``. Each
answer is computed once, then its Markdown is streamed as growing text. Under the chat, one
panel per answer (the latest open) holds its source chips, calculation cards and feedback.
The handlers are plain functions of ``Services`` so tests can call them without a browser.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from functools import partial
from typing import Any

import gradio as gr

from advisor.errors import InvalidQuestion
from advisor.feedback import FeedbackIn
from advisor.models import Answer, Citation
from advisor.validation import MAX_CHARS, clean_question
from advisor.web.escape import plain
from advisor.web.passages import SectionNotFound, chip_label
from advisor.web.render import answer_markdown, calc_card, cited_sections, progressive
from advisor.web.services import AdvisorUnavailable, AnswerFailed, Services
from advisor.web.ui import SHOW_PASSAGE_JS, Page

EXAMPLES = [
    "Can I appeal the grade of my position?",
    "I was downgraded on 2026-11-02. When is my appeal deadline?",
    "What is the IT Core Series in CP-34?",
    "What competencies does an IT program manager need?",
]
PASSAGE_HINT = "Select a source under an answer to read its passage here, with the quoted words highlighted."

Turn = dict[str, Any]
Message = dict[str, str]


def messages_for(turns: list[Turn]) -> list[Message]:
    out: list[Message] = []
    for t in turns:
        out.append({"role": "user", "content": plain(t["question"])})
        out.append({"role": "assistant", "content": answer_markdown(Answer.model_validate(t["answer"]))})
    return out


def respond(services: Services, message: str | None, turns: list[Turn]) -> Iterator[tuple[Any, ...]]:
    """Yield (chatbot messages, turns, textbox value, status) as the answer streams in."""
    turns = list(turns or [])
    try:
        question = clean_question(message or "", MAX_CHARS)
    except InvalidQuestion as e:
        yield gr.skip(), gr.skip(), gr.skip(), f"⚠️ {plain(e)}"
        return
    shown = messages_for(turns) + [{"role": "user", "content": plain(question)},
                                   {"role": "assistant", "content": "_Searching the documents…_"}]
    yield list(shown), gr.skip(), "", ""
    try:
        answer = services.ask(question, [t["question"] for t in turns])
    except (InvalidQuestion, AdvisorUnavailable, AnswerFailed) as e:
        yield shown[:-2] or [], gr.skip(), message, f"⚠️ {plain(e)}"
        return
    for partial_text in progressive(answer_markdown(answer)):
        shown[-1] = {"role": "assistant", "content": partial_text}
        yield list(shown), gr.skip(), "", ""
    turns.append({"id": uuid.uuid4().hex[:12], "question": question,
                  "answer": answer.model_dump(mode="json")})
    yield shown, turns, "", ""


def show_passage(services: Services, source: str, section: str, quotes: list[str]) -> str:
    """The passage panel's Markdown for one cited section, its quotes highlighted."""
    try:
        found = services.library.section(source, section)
    except SectionNotFound as e:
        return f"⚠️ {plain(e)}"
    return services.library.passage_markdown(found, quotes)


def save_feedback(services: Services, turn: Turn, rating: str | None, comment: str, wrong: bool) -> str:
    answer = Answer.model_validate(turn["answer"])
    try:
        item = FeedbackIn(
            question=turn["question"], answer=answer.answer, writer=answer.writer,
            citations=[c.model_dump() for c in answer.citations], rating=rating,  # type: ignore[arg-type]
            comment=(comment or "")[:2000], wrong_citation=bool(wrong),
        )
    except ValueError as e:
        return f"⚠️ {plain(e)}"
    services.feedback.add(item)
    return "Thank you — your feedback was saved."


def build(page: Page) -> None:
    services = page.services
    with gr.Tab("Chat", id="chat"):
        turns = gr.State([])
        # Drawn in the side column below, but the answer panels need it first.
        passage = gr.Markdown(PASSAGE_HINT, elem_id="passage", render=False)
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=320):
                chatbot = gr.Chatbot(
                    label="Conversation", elem_id="chatbot", height=460, buttons=["copy"],
                    feedback_options=None, placeholder="Ask a question, or pick an example:",
                    examples=[{"text": q} for q in EXAMPLES],
                )
                question = gr.Textbox(
                    label="Your question", elem_id="question", lines=1, max_lines=8,
                    max_length=MAX_CHARS, placeholder="e.g. When must I file a classification appeal?",
                    info="Press Enter or the Ask button. Follow-up questions use the conversation.",
                )
                with gr.Row():
                    ask = gr.Button("Ask", variant="primary", elem_id="ask", scale=2)
                    new = gr.Button("New conversation", elem_id="new-conversation", scale=1)
                status = gr.Markdown(elem_id="chat-status", elem_classes="status-message")
                _answer_panels(services, turns, passage)
            with gr.Column(scale=2, min_width=300, elem_id="passage-panel"):
                gr.Markdown("### Passage")
                passage.render()

    run = partial(respond, services)
    outputs = [chatbot, turns, question, status]
    ask.click(run, [question, turns], outputs, concurrency_limit=4)
    question.submit(run, [question, turns], outputs, concurrency_limit=4)
    chatbot.example_select(_example_text, None, question).then(run, [question, turns], outputs)
    new.click(lambda: ([], [], "", "", PASSAGE_HINT), None, [chatbot, turns, question, status, passage])


def _example_text(evt: gr.SelectData) -> str:
    value = evt.value
    return str(value.get("text", "")) if isinstance(value, dict) else str(value)


def _answer_panels(services: Services, turns: gr.State, passage: gr.Markdown) -> None:
    @gr.render(inputs=[turns])
    def panels(items: list[Turn]) -> None:
        for i in range(len(items) - 1, -1, -1):
            turn = items[i]
            answer = Answer.model_validate(turn["answer"])
            k = turn.get("id", str(i))
            short = turn["question"] if len(turn["question"]) <= 60 else turn["question"][:57] + "…"
            with gr.Accordion(f"Answer {i + 1} — sources and feedback: {short}", open=i == len(items) - 1,
                              key=f"panel-{k}", elem_classes="answer-panel"):
                _chips(services, answer.citations, passage, k)
                for j, calc in enumerate(answer.calculations):
                    title = _calc_title(services, calc.name)
                    gr.Markdown(calc_card(calc, title), elem_classes="calc-card", key=f"calc-{k}-{j}")
                _feedback(services, turn, k)


def _chips(services: Services, citations: list[Citation], passage: gr.Markdown, k: str) -> None:
    if not citations:
        gr.Markdown("_No passages cited for this answer._", key=f"nocite-{k}")
        return
    gr.Markdown("**Sources** — select one to read the passage:", key=f"srclabel-{k}")
    with gr.Row(elem_classes="chips", key=f"chips-{k}"):
        for j, (source, section, quotes) in enumerate(cited_sections(citations)):
            btn = gr.Button(chip_label(source, section), size="sm", key=f"chip-{k}-{j}",
                            elem_classes="cite-chip")
            btn.click(partial(show_passage, services, source, section, quotes), None, passage) \
               .then(None, js=SHOW_PASSAGE_JS)


def _feedback(services: Services, turn: Turn, k: str) -> None:
    with gr.Group(key=f"fb-{k}"):
        comment = gr.Textbox(label="Comment on this answer (optional)", lines=1, max_length=2000,
                             key=f"fb-comment-{k}", elem_classes="fb-comment")
        wrong = gr.Checkbox(label="A citation is wrong", key=f"fb-wrong-{k}", elem_classes="fb-wrong")
    with gr.Row(key=f"fb-row-{k}"):
        up = gr.Button("👍 Helpful", size="sm", key=f"fb-up-{k}", elem_classes="fb-up")
        down = gr.Button("👎 Not helpful", size="sm", key=f"fb-down-{k}", elem_classes="fb-down")
        send = gr.Button("Send comment only", size="sm", key=f"fb-send-{k}", elem_classes="fb-send")
    done = gr.Markdown(key=f"fb-status-{k}", elem_classes="fb-status status-message")
    up.click(partial(save_feedback, services, turn, "up"), [comment, wrong], done)
    down.click(partial(save_feedback, services, turn, "down"), [comment, wrong], done)
    send.click(partial(save_feedback, services, turn, None), [comment, wrong], done)


def _calc_title(services: Services, name: str) -> str:
    try:
        return services.calculator(name).title
    except KeyError:
        return ""

