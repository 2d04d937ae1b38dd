"""The roadmap's data contracts: Position, Target, Step, Move, Roadmap, RoadmapRequest and errors.

Data shapes only (pydantic, JSON-safe); no planning, parsing or rendering here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, field_validator

from advisor.errors import AdvisorError
from advisor.roadmap.schema import Sourced

CareerPathName = Literal["professional/administrative", "technician", "clerical"]
StepKind = Literal[
    "unsupported",
    "move",
    "grade",
    "band",
    "entry",
    "competencies",
    "success",
    "certifications",
    "idp",
]
Focus = Literal["training", "idp", "certifications", "competencies", "entry"]
ROLES = ("IT program manager", "IT project manager", "IT specialist", "IT management")


def plain_refs(*items: Sourced | None) -> list[Sourced]:
    """Pin-cite and quote of each item given (bridges, competencies...), once each, in order."""
    return list(dict.fromkeys(Sourced(cite=i.cite, quote=i.quote) for i in items if i is not None))


class RoadmapError(AdvisorError, ValueError):
    """The request cannot be planned; the message names what is known or valid."""


class Position(BaseModel):
    """Where the employee stands now."""

    series: str | None = Field(
        default=None, description="Occupational series, e.g. '0335' (or '335')."
    )
    grade: int | None = Field(default=None, description="GS grade, 1-15 (1-18 for CIPMS).")
    supervisory: bool | None = Field(default=None, description="In a supervisory position?")
    cipms: bool | None = Field(default=None, description="Covered by CIPMS (AR 690-13)?")
    career_path: CareerPathName | None = Field(
        default=None,
        description="CIPMS career path (Figure 3-1); professional/administrative if unsaid.",
    )
    title: str | None = Field(default=None, description="Job title, e.g. 'IT specialist'.")


class Target(BaseModel):
    """Where the employee wants to go, and optionally which part of the roadmap they want."""

    series: str | None = Field(default=None, description="Target series, e.g. '2210'.")
    grade: int | None = Field(default=None, description="Target GS grade.")
    role: str | None = Field(default=None, description=f"One of: {', '.join(ROLES)}.")
    next_band: bool = Field(default=False, description="Aim for the next CIPMS grade band.")
    focus: Focus | None = Field(default=None, description="Only this part of the roadmap.")
    focus_grade: int | None = Field(
        default=None, description="Only competencies first critical at this grade."
    )


class StepItem(BaseModel):
    """One bullet under a step: a competency, course, certification, rule..."""

    text: str
    cites: list[str] = Field(default_factory=list)


class Move(BaseModel):
    """An arrow of the diagram: from one position to the next, labelled with its pin-cite."""

    source: str
    target: str
    label: str = Field(description="Pin-cite(s), or why the documents give none.")
    supported: bool = True


class Step(BaseModel):
    """One thing to do, why, and the pin-cites and verbatim words it rests on."""

    kind: StepKind
    title: str = Field(description="What to do, in one line.")
    why: str = Field(description="Why, in plain words; the quotes below carry the authority.")
    refs: list[Sourced] = Field(default_factory=list, description="Pin-cite and verbatim text.")
    items: list[StepItem] = Field(default_factory=list)
    move: Move | None = Field(default=None, description="The diagram arrow this step stands for.")

    @field_validator("refs")
    @classmethod
    def _plain_refs(cls, refs: list[Sourced]) -> list[Sourced]:
        """Keep only pin-cite and quote of each ref, once each, in order."""
        return plain_refs(*refs)

    @property
    def cites(self) -> list[str]:
        return list(
            dict.fromkeys([r.cite for r in self.refs] + [c for i in self.items for c in i.cites])
        )


class Roadmap(BaseModel):
    """A deterministic plan built from the career data, with every rule's citation."""

    position: Position
    target: Target
    summary: str
    supported: bool = Field(
        description="False where the documents do not describe the move asked for."
    )
    steps: list[Step]
    moves: list[Move]
    notes: list[str] = Field(
        default_factory=list, description="Assumptions and the documents' dates."
    )


class RoadmapRequest(BaseModel):
    """A chat question read as a roadmap request."""

    position: Position
    target: Target
