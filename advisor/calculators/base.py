"""The shared shape of every calculator: a rule as data, the calculation context, the spec.

A calculator is a pure function ``(inputs, context) -> Calculation``. Its rule (source,
section, verbatim quote) is data that travels with every result; ``ar_rule`` writes one of
AR 690-13. This module holds no rule itself and does no I/O; it must never import LangChain,
Chroma or Gradio.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from advisor.models import Calculation, RuleRef

Kind = Literal["deadline", "pay", "eligibility"]
FactType = Literal[
    "date", "money", "grade", "step", "rating", "flag", "count", "years", "series", "percent",
    "choice",
]

# The standard biweekly cycle: the pay period that began Sunday 2026-01-11
# (shared/reference/facts.md §3, DOI IBC memo of 26 Nov 2025). A setting, since some
# agencies run a cycle one week offset.
DEFAULT_PAY_PERIOD_ANCHOR = date(2026, 1, 11)
AR = "AR 690-13"


class Rule(BaseModel):
    """A rule of a document, carried as data: where it is and its verbatim words."""

    model_config = ConfigDict(frozen=True)

    source: str = Field(description="Short name of the document, e.g. 'AR 690-13'.")
    section: str = Field(description="Pin-cite inside the document, e.g. '3-9b'.")
    quote: str = Field(description="Verbatim text from corpus/, whitespace-normalised.")

    def ref(self) -> RuleRef:
        return RuleRef(source=self.source, section=self.section, quote=self.quote)

    @property
    def pin_cite(self) -> str:
        """'AR 690-13 para 3-9b', 'AR 690-13 Figure 4-1', '<source> <section>'."""
        return pin_cite(self.source, self.section)


def pin_cite(source: str, section: str) -> str:
    """The pin-cite of ``section`` of ``source``: a numbered paragraph of AR 690-13 is a 'para'."""
    if source == AR and section[:1].isdigit():
        return f"{AR} para {section}"
    return f"{source} {section}"


def ar_rule(section: str, quote: str) -> Rule:
    """A rule of AR 690-13 with its quote whitespace-normalised.

    Args:
        section: The pin-cite, e.g. "3-9b" or "Figure 4-1".
        quote: The verbatim sentence(s) from the regulation.
    """
    return Rule(source=AR, section=section, quote=" ".join(quote.split()))


class FactSpec(BaseModel):
    """One input a calculator or checklist needs, as the intake and the interview see it.

    The intake reads values of ``type`` from the user's words and binds one to this fact only
    when its role is clear: ``cues`` (plain words or word beginnings, lower case) written near
    the value mark this role, ``avoid`` words mark another role ("notice" for an effective
    date). ``ask`` is the one plain question the interview asks when the fact is unknown.
    """

    model_config = ConfigDict(frozen=True)

    name: str = Field(description="The input field it fills, e.g. 'action_date'.")
    type: FactType = Field(description="What kind of value the user gives.")
    role: str = Field(description="The role in plain words: 'the date the downgrade took effect'.")
    ask: str = Field(description="The question asked when it is unknown, in plain words.")
    cues: tuple[str, ...] = Field(default=(), description="Words that mark this role near a value.")
    avoid: tuple[str, ...] = Field(default=(), description="Words that mark another role.")
    required: bool = Field(default=True, description="False: the calculator works without it.")
    choices: tuple[str, ...] = Field(default=(), description="Valid values of a 'choice' fact.")
    default: Any = Field(default=None, description="Value when not given (optional facts).")
    help: str = Field(default="", description="Longer help for forms (default: the role).")
    variants: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="Choice value -> more cues when that choice is made."
    )
    reads: str | None = Field(
        default=None, description="A yes/no statement or special reading that gives it (else by type)."
    )


class Context(BaseModel):
    """What a calculator may depend on besides its inputs: passed in, never read globally."""

    model_config = ConfigDict(frozen=True)

    today: date = Field(description="The date questions are answered against.")
    pay_period_anchor: date = Field(
        default=DEFAULT_PAY_PERIOD_ANCHOR,
        description="Start (a Sunday) of any biweekly pay period of the agency's cycle.",
    )


class CalculatorError(ValueError):
    """An input a calculator cannot accept; the message names what is valid."""


@dataclass(frozen=True)
class Calculator:
    """One registered calculator: its name, rule, typed inputs and pure function, and what the
    intake matches a question against (``description``, ``examples``) and binds (``facts``;
    for a checklist, ``needs``: the facts that settle each criterion)."""

    name: str
    title: str
    kind: Kind
    rule: Rule
    inputs: type[BaseModel]
    run: Callable[[BaseModel, Context], Calculation]
    extra_rules: tuple[Rule, ...] = field(default=())
    # What the intake matches a question against, and the facts it binds (see FactSpec).
    description: str = ""
    examples: tuple[str, ...] = ()
    facts: tuple[FactSpec, ...] = ()
    needs: tuple[tuple[str, tuple[str, ...]], ...] = ()  # checklist criterion id -> facts it needs

    def fact(self, name: str) -> FactSpec | None:
        """The declared fact called ``name``."""
        return next((f for f in self.facts if f.name == name), None)

    def __call__(self, inputs: BaseModel | dict, context: Context) -> Calculation:
        model = inputs if isinstance(inputs, self.inputs) else self.inputs.model_validate(inputs)
        return self.run(model, context)
