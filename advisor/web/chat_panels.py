"""Under the chat, one panel per answer: its source chips, its calculation cards and its feedback.

The panels are drawn from the turns (oldest first, the latest open). Each feedback control names
its answer by id, and what was saved is kept in the turn itself, so a rating or comment
always stays with the answer it was given for; after sending, the comment box is empty
again and the panel says what was saved. A calculation card is shown only for a result:
an answer that still needs facts already lists the questions it asks.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import gradio as gr

from advisor.calculators_view import is_settled
from advisor.models import Answer, Citation
from advisor.web import chat_state
from advisor.web.chat_state import Turn
from advisor.web.escape import plain
from advisor.web.passages import SectionNotFound, chip_label
from advisor.web.render import calc_card, cited_sections
from advisor.web.services import Services
from advisor.web.ui import SHOW_PASSAGE_JS


def answer_panels(services: Services, turns: gr.State, drawn: gr.State, passage: gr.Markdown) -> None:
    """The panels of the turns in ``drawn`` (a copy of ``turns`` made after an answer is shown, so
    drawing them never delays its first line); feedback updates ``turns`` itself."""
    @gr.render(inputs=[drawn])
    def panels(items: list[Turn]) -> None:
        for i, turn in enumerate(items):  # oldest first: a new answer's panel never takes an old one's place
            answer = Answer.model_validate(turn["answer"])
            k = turn["id"]
            short = turn["question"] if len(turn["question"]) <= 60 else turn["question"][:57] + "…"
            with gr.Accordion(f"Answer {i + 1} — sources and feedback: {short}", open=i == len(items) - 1,
                              key=f"panel-{k}", elem_classes="answer-panel", elem_id=f"panel-{k}"):
                _chips(services, answer.citations, passage, k)
                for j, calc in enumerate(c for c in answer.calculations if is_settled(c)):
                    gr.Markdown(calc_card(calc, _calc_title(services, calc.name)), elem_classes="calc-card",
                                key=f"calc-{k}-{j}")
                _feedback(services, turn, turns)


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


def _feedback(services: Services, turn: Turn, turns: gr.State) -> None:
    k = turn["id"]
    saved = int((turn.get("feedback") or {}).get("saved") or 0)
    # the saved count is in the keys: after sending, the panel gets fresh, empty inputs
    with gr.Group(key=f"fb-{k}-{saved}", elem_classes="fb-group"):
        comment = gr.Textbox(label="Comment on this answer (optional)", lines=1, max_length=2000,
                             key=f"fb-comment-{k}-{saved}", elem_classes="fb-comment")
        wrong = gr.Checkbox(label="A citation is wrong", key=f"fb-wrong-{k}-{saved}", elem_classes="fb-wrong")
    with gr.Row(key=f"fb-row-{k}"):
        up = gr.Button("👍 Helpful", size="sm", key=f"fb-up-{k}", elem_classes="fb-up")
        down = gr.Button("👎 Not helpful", size="sm", key=f"fb-down-{k}", elem_classes="fb-down")
        send = gr.Button("Send comment", size="sm", key=f"fb-send-{k}", elem_classes="fb-send")
    done = gr.Markdown(chat_state.feedback_status(turn), key=f"fb-status-{k}-{saved}",
                       elem_classes="fb-status status-message")
    for button, rating in ((up, "up"), (down, "down"), (send, None)):
        # no .then() here: saving re-draws these panels, and with them this button's events
        button.click(partial(save_feedback, services, k, rating), [comment, wrong, turns], [turns, done, comment, wrong])


def save_feedback(services: Services, turn_id: str, rating: str | None, comment: str, wrong: bool,
                  turns: list[Turn]) -> tuple[Any, str, Any, Any]:
    """Store feedback on answer ``turn_id``: (the turns with it recorded, the message, and the
    comment box and checkbox emptied once sent; unchanged when nothing was sent)."""
    updated, message = chat_state.give_feedback(services.feedback, turns or [], turn_id, rating, comment, wrong)
    if updated is None:
        return gr.skip(), message, gr.skip(), gr.skip()
    return updated, message, "", False


def show_passage(services: Services, source: str, section: str, quotes: list[str]) -> str:
    """The passage panel's Markdown for one cited section, its quotes highlighted."""
    try:
        found = services.library.section(source, section)
    except SectionNotFound as e:
        return f"⚠️ {plain(e)}"
    return services.library.passage_markdown(found, quotes)


def _calc_title(services: Services, name: str) -> str:
    try:
        return services.calculator(name).title
    except KeyError:
        return ""
