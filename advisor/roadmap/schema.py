"""The shape of the structured career data in ``advisor/data/career.json``, and its loader.

Every leaf item carries ``cite`` (a pin-cite into ``corpus/``) and ``quote`` (the verbatim,
whitespace-normalised text it rests on). The data is produced by
``python -m advisor.roadmap.extract``; this module does not extract or plan anything, and
it reads the file only when ``load_career_data()`` is first called (cached), never at import.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DATA_FILE = "data/career.json"


class Sourced(BaseModel):
    """Anything taken from the corpus: where it is and the words it rests on."""

    model_config = ConfigDict(frozen=True)

    cite: str = Field(
        description="Pin-cite, e.g. 'AR 690-13 para 4-11c', 'CP-34 — IT Core Series'."
    )
    quote: str = Field(description="Verbatim text of that section (whitespace-normalised).")


class Item(Sourced):
    """One list entry (a behavior, course, opportunity, certification...)."""

    damaged: bool = Field(default=False, description="The corpus marks words of it as lost.")


class Series(Sourced):
    """An occupational series a document names."""

    code: str = Field(description="Four-digit code as used here, e.g. '0391', '0301-i'.")
    title: str | None = Field(default=None, description="Title the document gives, if any.")


class SeriesGroup(Sourced):
    """A CP-34 series group: its heading line (the quote) and its listed members."""

    name: str
    codes: list[str] = Field(description="Codes on the group's own line, normalised.")
    members: list[Series]
    corpus_notes: list[str] = Field(
        default_factory=list, description="Editor's notes in the corpus file."
    )


class Bridge(Sourced):
    """A CP-34 para-professional bridge: from these series to those."""

    name: str = Field(
        description="'IT Related', 'Telecommunications Related', 'Librarian Related'."
    )
    from_series: list[str]
    to_series: list[str] = Field(description="Normalised targets, e.g. ['0391'].")
    to_as_written: str = Field(description="The target as the source writes it, e.g. '391'.")


class Competency(Sourced):
    """An OPM guide competency; ``quote`` is its 'Critical for' grades as written."""

    name: str = Field(description="Section title in the corpus file.")
    name_in_source: bool = Field(description="False where the source lost the competency's name.")
    corpus_notes: list[str] = Field(default_factory=list)
    group: str = Field(
        description="The table it sits in, e.g. 'Core Technical Competencies — GS-15'."
    )
    critical_for: list[int]
    definition: list[Item] = Field(
        default_factory=list, description="Empty where the source lost it."
    )
    behaviors: list[Item]
    courses: list[Item]
    developmental: list[Item]


class EntryPoints(Sourced):
    """The guide's common entry points into GS-13 IT program management."""

    grade: int
    series: list[str] = Field(description="GS series the guide names, normalised to 4 digits.")
    private_sector: bool


class GradeBand(Sourced):
    """A Figure 3-1 band; ``quote`` is the figure's Grades row."""

    band: int
    grades: list[int]
    from_figure: bool = Field(description="False where the figure lost this band's boundary.")
    boundary: Sourced | None = Field(default=None, description="The corpus note that supplies it.")
    provenance: str | None = Field(default=None, description="The note's own statement of sources.")


class CareerPath(Sourced):
    """A Figure 3-1 career path row: the level label in each band it reaches."""

    name: str
    levels: dict[int, str] = Field(description="Band number -> label, e.g. {2: 'Entry/Dev.'}.")


class DocumentInfo(BaseModel):
    """Front matter of a corpus document, shown beside every roadmap."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    short_name: str
    title: str
    date: str
    status: str
    status_note: str


class SectionInfo(BaseModel):
    """What a ``Citation`` needs for a pin-cite used in the data."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    source: str
    section: str
    title: str


class CareerData(BaseModel):
    """Everything the planner knows, all of it extracted from ``corpus/``."""

    model_config = ConfigDict(frozen=True)

    generated_by: Literal["python -m advisor.roadmap.extract"] = "python -m advisor.roadmap.extract"
    documents: list[DocumentInfo]
    series_groups: list[SeriesGroup]
    bridges: list[Bridge]
    cipms_series: list[Series] = Field(
        description="Series AR 690-13 names in its coverage paragraphs."
    )
    job_titles: list[Series] = Field(
        description="GS-2210 titles the OPM guide defines (code '2210')."
    )
    parenthetical_titles: list[Item]
    entry_points: EntryPoints
    success_factors: list[Item]
    competencies: list[Competency]
    certifications: list[Item]
    degrees: list[Item]
    grade_bands: list[GradeBand]
    career_paths: list[CareerPath]
    rules: dict[str, Sourced] = Field(description="Named sentences the planner applies, by key.")
    gaps: dict[str, str] = Field(
        description="Pin-cite -> the corpus editor's note on what was lost there."
    )
    sections: dict[str, SectionInfo] = Field(
        description="Pin-cite -> section facts, for citations."
    )

    def rule(self, key: str) -> Sourced:
        return self.rules[key]

    def member(self, code: str | None) -> Series | None:
        """The CP-34 list entry for a series (e.g. '0335 Computer Clerical & Asst'), if any."""
        return next((m for g in self.series_groups for m in g.members if m.code == code), None)

    def known_series(self) -> dict[str, str | None]:
        """Every series code the documents name -> a title where one is given."""
        out: dict[str, str | None] = {}
        for s in [m for g in self.series_groups for m in g.members] + self.cipms_series:
            out[s.code] = out.get(s.code) or s.title
        for code in self.entry_points.series:
            out.setdefault(code, None)
        return dict(sorted(out.items()))


@functools.cache
def load_career_data() -> CareerData:
    """The committed ``advisor/data/career.json``, read and validated once."""
    text = resources.files("advisor").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return CareerData.model_validate_json(text)
