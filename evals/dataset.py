"""Load and validate an evaluation dataset (JSONL, schema in ``evals/datasets/README.md``).

A line that is not JSON, has an unknown ``kind``, lacks a field, carries a regex that does not
compile or a gold section that is not a pin-cite is reported as a problem naming the file and
line, and skipped; the other cases still load. It does not answer or score anything.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from advisor.corpus import split_pin_cite
from advisor.errors import CorpusError

Kind = Literal[
    "lookup", "yesno", "deadline", "pay", "eligibility", "out_of_scope", "followup", "adversarial"
]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
CALC_KINDS = ("deadline", "pay", "eligibility")
DATASETS = Path(__file__).resolve().parent / "datasets"
SPLITS = ("dev", "test", "plain", "tune", "tune2", "tune3")
LEAD_CHARS = 400


class ExpectedCalc(BaseModel):
    """The calculator that must run and its exact result (None: it must ask for facts)."""

    model_config = ConfigDict(extra="forbid")

    name: str
    result: Any = None


class Expected(BaseModel):
    """What a correct answer does. Every key must be present (lists may be empty)."""

    model_config = ConfigDict(extra="forbid")

    facts: list[str] = Field(description="Regexes that must all match the answer text.")
    sections: list[str] = Field(description="Gold pin-cites; citing any one of them counts.")
    refuse: bool = Field(description="True when the documents do not cover the question.")
    calculation: ExpectedCalc | None = Field(description="Expected calculator result, or null.")
    must_not: list[str] = Field(description="Regexes that must not match the answer text.")
    lead: list[str] = Field(
        default_factory=list,
        description=f"Regexes that must all match within the first {LEAD_CHARS} characters of the "
        "answer as read (the direct answer: 'No', the date, the expansion...).",
    )
    note: str = Field(default="", description="Why the expectation is what it is (for people).")

    @field_validator("facts", "must_not", "lead")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for p in patterns:
            try:
                re.compile(p)
            except re.error as e:
                raise ValueError(f"regex {p!r} does not compile: {e}") from e
        return patterns

    @field_validator("sections")
    @classmethod
    def _pin_cites(cls, cites: list[str]) -> list[str]:
        for c in cites:
            try:
                split_pin_cite(c)
            except CorpusError as e:
                raise ValueError(str(e)) from e
        return cites


class Case(BaseModel):
    """One evaluation case: a conversation (the last turn is the question) and its expectation."""

    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1)
    kind: Kind
    turns: list[str] = Field(min_length=1)
    expected: Expected

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        """The schema's cross-field rules (evals/datasets/README.md)."""
        e = self.expected
        if e.refuse and (e.sections or e.calculation):
            raise ValueError("a refusal case has no sections and no calculation")
        if self.kind in CALC_KINDS and e.calculation is None:
            raise ValueError(f"a {self.kind} case needs an expected calculation")
        if (self.kind == "followup") != (len(self.turns) > 1):
            raise ValueError("followup cases have 2 or more turns; every other kind has exactly 1")
        return self

    @property
    def question(self) -> str:
        return self.turns[-1]

    @property
    def history(self) -> list[str]:
        return self.turns[:-1]


def load_dataset(path: Path) -> tuple[list[Case], list[str]]:
    """The valid cases of a JSONL file, and one problem line per skipped line."""
    cases: list[Case] = []
    problems: list[str] = []
    seen: set[str] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            case = Case.model_validate(json.loads(line))
        except json.JSONDecodeError as e:
            problems.append(f"{where}: not JSON ({e.msg}); skipped")
            continue
        except ValidationError as e:
            problems.append(f"{where}: {_explain(e)}; skipped")
            continue
        if case.id in seen:
            problems.append(f"{where}: duplicate id {case.id!r}; skipped")
            continue
        seen.add(case.id)
        cases.append(case)
    return cases, problems


def split_paths(split: str) -> list[Path]:
    """The dataset files of a split name: dev, test, plain, tune, tune2, tune3 or all (dev + test)."""
    match split:
        case "dev" | "test" | "plain" | "tune" | "tune2" | "tune3":
            return [DATASETS / f"{split}.jsonl"]
        case "all":
            return [DATASETS / "dev.jsonl", DATASETS / "test.jsonl"]
        case other:
            raise ValueError(f"Unknown split {other!r}; use {', '.join(SPLITS)} or all.")


def load_split(split: str) -> tuple[list[Case], list[str]]:
    cases: list[Case] = []
    problems: list[str] = []
    for path in split_paths(split):
        c, p = load_dataset(path)
        cases += c
        problems += p
    return cases, problems


def stratified(cases: list[Case], total: int) -> list[Case]:
    """About ``total`` cases, shared round-robin across kinds and spread evenly through each
    kind's cases in file order (deterministic: the same file gives the same subset)."""
    by_kind: dict[str, list[Case]] = {}
    for c in cases:
        by_kind.setdefault(c.kind, []).append(c)
    quota = dict.fromkeys(by_kind, 0)
    while sum(quota.values()) < min(total, len(cases)):
        for kind in (k for k in KINDS if k in by_kind):
            if quota[kind] < len(by_kind[kind]) and sum(quota.values()) < total:
                quota[kind] += 1
    picked = {c.id for kind, group in by_kind.items()
              for c in (group[i * len(group) // quota[kind]] for i in range(quota[kind]))}
    return [c for c in cases if c.id in picked]


def unknown_sections(cases: list[Case], corpus_dir: Path) -> list[str]:
    """Gold sections that name no section of the corpus (the case is kept but cannot pass)."""
    from advisor.corpus import load_corpus

    known = {(d.short_name, s.section_id) for d in load_corpus(corpus_dir) for s in d.sections}
    return [f"{c.id}: gold section {cite!r} is not in the corpus" for c in cases
            for cite in c.expected.sections if split_pin_cite(cite) not in known]


def _explain(e: ValidationError) -> str:
    parts = []
    for err in e.errors():
        loc = ".".join(str(x) for x in err["loc"]) or "line"
        msg = "missing field" if err["type"] == "missing" else err["msg"]
        if err["type"] == "literal_error":
            msg = f"unknown kind {err.get('input')!r} (valid: {', '.join(KINDS)})"
        parts.append(f"{loc}: {msg}".removeprefix("line: Value error, "))
    return "; ".join(parts)
