"""The stable data contracts: Answer, Citation, Calculation and their parts.

The evaluation suite, the web app, the REST API and outside tools read these as JSON.
Adding a field is fine; renaming or removing one is a breaking change. This module holds
data shapes only: no retrieval, no formatting, no I/O.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class RuleRef(BaseModel):
    """Where a calculator's rule is written: a pin-cite and the verbatim words."""

    source: str = Field(description="Short name of the document, e.g. 'AR 690-13'.")
    section: str = Field(description="Pin-cite inside the document, e.g. '3-9b'.")
    quote: str = Field(description="Verbatim text from corpus/ that states the rule.")


class Calculation(BaseModel):
    """One deterministic result: a deadline, a pay figure or an eligibility checklist."""

    name: str = Field(description="Calculator name, e.g. 'downgrade_appeal_deadline'.")
    inputs: dict[str, Any] = Field(default_factory=dict, description="The facts used, JSON-safe.")
    result: Any = Field(description="The computed value (ISO date, whole-dollar string, verdict...).")
    explanation: str = Field(default="", description="One line saying how the result follows.")
    rule: RuleRef
    missing: list[str] = Field(
        default_factory=list, description="Facts still needed; non-empty means no result yet."
    )
    details: dict[str, Any] = Field(
        default_factory=dict, description="Extra structured output (checklist rows, steps...)."
    )


class Citation(BaseModel):
    """A pin-cite into a retrieved chunk, with a quote that is verbatim from that chunk."""

    source: str = Field(description="Short name: 'AR 690-13', 'OPM ITPM Career Path Guide', 'CP-34'.")
    section: str = Field(description="Section id, e.g. '3-13f(2)', 'Figure 3-1', 'Risk Management'.")
    title: str = Field(description="Heading of the section the quote comes from.")
    quote: str = Field(description="Verbatim text from the chunk.")
    doc_id: str
    chunk_id: str

    @property
    def pin_cite(self) -> str:
        if self.source == "AR 690-13":
            if self.section[:1].isdigit():
                return f"AR 690-13 para {self.section}"
            return f"AR 690-13 {self.section}"
        return f"{self.source} — {self.section}"


class CheckedSentence(BaseModel):
    """One sentence of a language model's draft and the verifier's verdict on it."""

    text: str = Field(description="The sentence as the model wrote it, source markers included.")
    kept: bool = Field(description="True when the cited passage supports it and it was shown.")
    reason: str = Field(default="", description="Why it was removed (empty when kept).")


class Verification(BaseModel):
    """How a language model's draft was checked before display (``advisor.claims``)."""

    sentences: list[CheckedSentence] = Field(default_factory=list)
    removed: int = Field(default=0, description="Sentences judged unsupported and not shown.")
    fell_back: bool = Field(
        default=False, description="Too much was removed: the extractive answer was shown instead."
    )
    verify_ms: float = Field(default=0.0, description="Time spent checking and composing the draft.")


class Answer(BaseModel):
    """What the advisor says to one question, with everything needed to check it."""

    answer: str = Field(description="Markdown text shown to the user.")
    citations: list[Citation] = Field(default_factory=list)
    calculations: list[Calculation] = Field(default_factory=list)
    refused: bool = False
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    latency_ms: float = 0.0
    writer: str = "extractive"
    retrieved: list[str] = Field(
        default_factory=list,
        description="Pin-cites of the ranked retrieved chunks (best first), for evaluation.",
    )
    notes: list[str] = Field(default_factory=list, description="Notices shown beside the answer.")
    statements: list[str] = Field(
        default_factory=list,
        description="The rule-book plain statements and yes/no conditions the answer rests on (the project's "
        "words, each tied to its verbatim quote by the rule book's checks and second reader).",
    )
    roadmap: dict[str, Any] | None = Field(
        default=None, description="The career roadmap (steps, moves) when the question asked for one."
    )
    verification: Verification | None = Field(
        default=None, description="The claim check of a language model's draft (None: no draft was checked)."
    )
    intent: Intent | None = Field(
        default=None, description="What the intake understood of the question (asked, facts, pending)."
    )


# --- What the intake understood of a turn (advisor/intake) --------------------------------

Asked = Literal[
    "date", "amount", "yes_no", "who", "definition", "list", "how_to", "roadmap", "fact",
    "out_of_scope",
]
FactSource = Literal["stated", "reply", "earlier_turn", "correction", "implied"]


class BoundFact(BaseModel):
    """One fact of the user's, bound to the role it plays for a calculator or checklist."""

    name: str = Field(description="The input it fills, e.g. 'action_date'.")
    value: Any = Field(description="JSON-safe value: ISO date, dollars as a string, int, bool, text.")
    role: str = Field(description="The role in plain words, e.g. 'the date the downgrade took effect'.")
    text: str = Field(default="", description="How the user wrote it, e.g. 'July 9th'.")
    turn: int = Field(default=-1, description="Index of the user turn it came from (-1: this one).")
    source: FactSource = Field(default="stated", description="How it was learnt.")


class Ambiguity(BaseModel):
    """Something the intake could not settle; the answer asks instead of guessing."""

    kind: Literal["role", "calculator", "value", "subject"] = Field(
        description="role: which role a value plays; calculator: which rule is meant; value: "
        "two values for one role; subject: whose situation it is."
    )
    about: str = Field(description="The fact name, 'calculator' (which rule is meant) or 'statement' (facts with no question yet: which rule to work out).")
    options: list[str] = Field(default_factory=list, description="The readings in play.")
    question: str = Field(description="The question back, in plain words.")


class Pending(BaseModel):
    """The guided interview's open task: what is being worked out and the one fact it needs next."""

    task: str = Field(description="Calculator or checklist name.")
    next_fact: str | None = Field(default=None, description="Input name asked for next (None: none).")
    ask: str | None = Field(default=None, description="The plain question asked for it.")


class Intent(BaseModel):
    """What one turn asks, about which rules, with which facts: produced once per turn."""

    asked: Asked = Field(description="The form of answer the question wants.")
    about: list[str] = Field(
        default_factory=list, description="Calculator or checklist names, best first."
    )
    topics: list[str] = Field(default_factory=list, description="Rule-book entry ids, best first.")
    facts: list[BoundFact] = Field(default_factory=list, description="Facts bound to their roles.")
    pending: Pending | None = Field(default=None, description="The interview's open task, if any.")
    ambiguities: list[Ambiguity] = Field(default_factory=list)
    subject: Literal["self", "other", "unknown"] = Field(
        default="unknown", description="Whose situation: the asker's or someone else's."
    )
    confidence: float = Field(default=0.0, ge=0.0, le=1.0, description="Calibrated for 'about'.")
    query: str = Field(default="", description="The standalone text retrieval searches with.")
    continues: bool = Field(
        default=False, description="True when this turn continues the previous task (a reply, a correction)."
    )
    scores: dict[str, float] = Field(
        default_factory=dict, description="Match scores of the candidates considered, for inspection."
    )

    def fact(self, name: str) -> BoundFact | None:
        """The bound fact called ``name``, if any."""
        return next((f for f in self.facts if f.name == name), None)


Answer.model_rebuild()
