"""The shapes of the rule book: one ``Entry`` per provision, with its quote, kind and answers.

A rule file (``corpus/rules/<document>/*.yaml``, format in ``corpus/rules/FORMAT.md``) holds
entries and the subparagraphs deliberately skipped. Shapes and field rules only; reading the
files and checking them against the corpus is ``load``. No I/O.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Kind = Literal[
    "permission", "prohibition", "obligation", "entitlement", "definition", "fact", "list",
    "condition", "exception", "procedure", "recommendation",
]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*[a-z0-9]$")


class Part(BaseModel):
    """A member of a list or a step of a procedure: its own cite and verbatim words."""

    model_config = ConfigDict(extra="forbid")

    cite: str = Field(description="Section id holding this part, e.g. '1-6a(2)(a)'.")
    quote: str = Field(min_length=1, description="Verbatim text of the part.")
    plain: str = Field(default="", description="The part in plain words (a step), optional.")


class YesNo(BaseModel):
    """A yes/no question the provision settles, with its answer and the condition on it."""

    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=5, description="The question in everyday words.")
    answer: Literal["yes", "no"]
    condition: str = Field(
        default="", description="'if …' (for yes) or 'unless …' (for no), plain words; '' when none."
    )
    also: list[str] = Field(
        default_factory=list,
        description="Other phrasings of the same question, same proposition and polarity, so the "
                    "answer and condition hold for each (reviewed by a second reader); matched with "
                    "the question by the answer (corpus/rules/FORMAT.md).",
    )

    @field_validator("also")
    @classmethod
    def _questions(cls, v: list[str]) -> list[str]:
        bad = [q for q in v if len(q.strip()) < 5 or not q.strip().endswith("?")]
        if bad:
            raise ValueError(f"every other phrasing is a question ending in '?': {bad}")
        return [q.strip() for q in v]

    @field_validator("condition")
    @classmethod
    def _starts_with_if_or_unless(cls, v: str) -> str:
        v = v.strip()
        if v and not re.match(r"^(if|unless|only if|as long as|provided|when|but|except)\b", v):
            raise ValueError("a condition starts with 'if', 'only if', 'unless', 'when', 'but' or 'except'")
        return v


class Entry(BaseModel):
    """One provision of a document."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Unique, lower-case words and digits joined by '-'.")
    cite: str = Field(description="The deepest section that holds the whole quote.")
    quote: str = Field(min_length=10, description="Verbatim words of the document (whitespace free).")
    kind: Kind
    applies_to: str = Field(min_length=2, description="Who the provision applies to or binds.")
    about: str = Field(min_length=2, description="What it is about, a few words.")
    statement: str = Field(min_length=10, description="One plain sentence written by the project.")
    yes_no: list[YesNo] = Field(default_factory=list)
    items: list[Part] = Field(default_factory=list, description="List members or steps, in order.")
    exceptions: list[str] = Field(default_factory=list, description="Ids of entries that qualify it.")
    qualifies: str | None = Field(default=None, description="Id of the entry this one qualifies.")
    examples: list[str] = Field(min_length=1, description="Questions it answers, everyday words.")
    term: str | None = Field(default=None, description="For a definition: the term defined.")

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError(f"id {v!r} must be lower-case letters, digits and '-'")
        return v

    @model_validator(mode="after")
    def _kind_rules(self) -> Entry:
        if self.kind in ("list", "procedure") and len(self.items) < 2:
            raise ValueError(f"a {self.kind} entry lists its items (2 or more) in 'items'")
        if self.kind == "definition" and not self.term:
            raise ValueError("a definition entry names its 'term'")
        if self.kind == "exception" and not self.qualifies:
            raise ValueError("an exception entry names the entry it 'qualifies'")
        return self


class Skip(BaseModel):
    """A section deliberately left out of the rule book, and why."""

    model_config = ConfigDict(extra="forbid")

    cite: str
    reason: str = Field(min_length=8)


class RuleFile(BaseModel):
    """One YAML file of the rule book."""

    model_config = ConfigDict(extra="forbid")

    document: str = Field(description="Document id: ar-690-13, opm-itpm-guide-2011, cp-34.")
    entries: list[Entry] = Field(default_factory=list)
    skipped: list[Skip] = Field(default_factory=list)


class Abbreviation(BaseModel):
    """An abbreviation as a document defines it: 'civilian personnel officer (CPO)'."""

    abbr: str
    full: str = Field(description="The full name as written.")
    doc_id: str
    source: str
    cite: str = Field(description="Section id where the definition is written.")
    quote: str = Field(description="The defining words verbatim, 'Full Name (ABBR)'.")
