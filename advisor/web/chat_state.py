"""The chat's conversation as data: turns, what the chatbot shows, feedback bound to its answer.

A turn is ``{"id", "question", "answer" (Answer JSON), "feedback" (what the reader said, once
saved)}``. The page keeps the turns in its session and in the browser's storage (so a reload
keeps the conversation); ``restore`` accepts only well-formed turns from there. Feedback is
looked up by the answer's id at the moment it is sent, so it is always stored with the
question and answer it rates. ``export_markdown`` writes the conversation for download.
No Gradio here: ``chat_tab`` draws and wires it.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from pydantic import ValidationError

from advisor.feedback import FeedbackIn, FeedbackStore
from advisor.models import Answer
from advisor.validation import MAX_HISTORY_TURNS
from advisor.web.escape import plain
from advisor.web.render import answer_markdown, cited_sections

Turn = dict[str, Any]
Message = dict[str, str]
RATING_WORDS = {"up": "👍 Helpful", "down": "👎 Not helpful"}


def new_turn(question: str, answer: Answer) -> Turn:
    return {"id": uuid.uuid4().hex[:12], "question": question, "answer": answer.model_dump(mode="json")}


def messages_for(turns: list[Turn]) -> list[Message]:
    """The chatbot's messages: each question, then its answer with citations as links."""
    out: list[Message] = []
    for t in turns:
        out.append({"role": "user", "content": plain(t["question"])})
        out.append({"role": "assistant", "content": answer_markdown(Answer.model_validate(t["answer"]), t["id"])})
    return out


def history_of(turns: list[Turn]) -> list[str]:
    """The earlier questions a follow-up is read against (only the user's own words)."""
    return [t["question"] for t in turns][-MAX_HISTORY_TURNS:]


def restore(raw: Any) -> list[Turn]:
    """The well-formed turns of a stored conversation (the latest ``MAX_HISTORY_TURNS``)."""
    turns: list[Turn] = []
    for t in raw if isinstance(raw, list) else []:
        if not (isinstance(t, dict) and isinstance(t.get("id"), str) and isinstance(t.get("question"), str)):
            continue
        try:
            answer = Answer.model_validate(t.get("answer"))
        except ValidationError:
            continue
        turn: Turn = {"id": t["id"][:64], "question": t["question"][:4000], "answer": answer.model_dump(mode="json")}
        fb = t.get("feedback")
        if isinstance(fb, dict) and isinstance(fb.get("saved"), int):
            turn["feedback"] = {"rating": fb.get("rating") if fb.get("rating") in RATING_WORDS else None,
                                "comment": str(fb.get("comment") or "")[:2000],
                                "wrong_citation": bool(fb.get("wrong_citation")), "saved": max(0, fb["saved"])}
        turns.append(turn)
    return turns[-MAX_HISTORY_TURNS:]


def find(turns: list[Turn], turn_id: str) -> Turn | None:
    return next((t for t in turns if t.get("id") == turn_id), None)


def give_feedback(store: FeedbackStore, turns: list[Turn], turn_id: str, rating: str | None,
                  comment: str, wrong: bool) -> tuple[list[Turn] | None, str]:
    """Store feedback on the answer ``turn_id``; (the turns with it recorded, or None, message)."""
    turn = find(turns, turn_id)
    if turn is None:
        return None, "⚠️ This answer is no longer in the conversation, so feedback on it cannot be sent."
    comment = (comment or "").strip()[:2000]
    if rating is None and not comment and not wrong:
        return None, "⚠️ Type a comment first, or choose 👍 Helpful or 👎 Not helpful."
    answer = Answer.model_validate(turn["answer"])
    try:
        item = FeedbackIn(answer_id=turn_id, question=turn["question"], answer=answer.answer,
                          writer=answer.writer, citations=[c.model_dump() for c in answer.citations],
                          rating=rating, comment=comment, wrong_citation=bool(wrong))  # type: ignore[arg-type]
    except ValidationError:
        return None, "⚠️ This feedback could not be read; please shorten the comment and try again."
    store.add(item)
    previous = turn.get("feedback") or {}
    saved = {"rating": rating or previous.get("rating"), "comment": comment or previous.get("comment") or "",
             "wrong_citation": bool(wrong) or bool(previous.get("wrong_citation")), "saved": int(previous.get("saved") or 0) + 1}
    updated = [{**t, "feedback": saved} if t is turn else t for t in turns]
    return updated, feedback_status({**turn, "feedback": saved})


def feedback_status(turn: Turn) -> str:
    """What the reader sees under an answer they have rated (empty when they have not)."""
    fb = turn.get("feedback") or {}
    if not fb.get("saved"):
        return ""
    said = [RATING_WORDS[fb["rating"]]] if fb.get("rating") in RATING_WORDS else []
    if fb.get("wrong_citation"):
        said.append("a citation is wrong")
    if fb.get("comment"):
        said.append(f"comment “{fb['comment'][:80]}{'…' if len(fb['comment']) > 80 else ''}”")
    return f"Thank you — your feedback on this answer was saved ({'; '.join(said)})."


def cited(turns: list[Turn], request: str) -> tuple[str, str, list[str]] | None:
    """(source, section, quotes) for a citation link's ``"<answer id>:<n>"``, or None."""
    turn_id, _, n = (request or "").partition(":")
    turn = find(turns, turn_id)
    n = n.split(":")[0]
    if turn is None or not n.isdigit():
        return None
    sections = cited_sections(Answer.model_validate(turn["answer"]).citations)
    return sections[int(n)] if int(n) < len(sections) else None


def export_markdown(turns: list[Turn], today: date) -> str:
    """The conversation as a Markdown document: each question and its answer, sources listed."""
    parts = [f"# Conversation with the regulations advisor ({today.isoformat()})",
             ("_Information from AR 690-13, the OPM ITPM Career Path Guide and CP-34, not legal advice: "
             "confirm with your servicing CPAC/HR office._")]
    for n, t in enumerate(turns, start=1):
        answer = Answer.model_validate(t["answer"])
        parts += [f"## {n}. {plain(t['question'])}", answer_markdown(answer)]
        sources = [f"- {c.pin_cite}: “{c.quote}”" for c in answer.citations]
        if sources:
            parts.append("**Sources**\n\n" + "\n".join(sources))
    return "\n\n".join(parts) + "\n"
