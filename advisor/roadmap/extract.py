"""Build ``advisor/data/career.json`` from the parsed corpus: ``python -m advisor.roadmap.extract``.

Takes CP-34's series groups and bridges, AR 690-13's coverage series, Figure 3-1 grade bands
and career paths, the named AR and OPM sentences the planner applies (``rules.RULES``), and the
OPM guide's data (``extract_opm``). Nothing is typed in from memory: each value is parsed
from a section and keeps its pin-cite and verbatim text. It writes only when run as a script.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from advisor.config import PROJECT_ROOT
from advisor.corpus import Document, load_corpus, split_pin_cite
from advisor.errors import CorpusError
from advisor.roadmap import extract_opm as opm
from advisor.roadmap.codes import normalize_series
from advisor.roadmap.rules import AR, CP34, OPM, RULES
from advisor.roadmap.schema import (
    Bridge,
    CareerData,
    CareerPath,
    DocumentInfo,
    GradeBand,
    SectionInfo,
    Series,
    SeriesGroup,
)
from advisor.roadmap.sourcing import corpus_notes, list_items, sentence

OUT = PROJECT_ROOT / "advisor" / "data" / "career.json"

CP34_GROUPS = ("IT Core Series", "IM Specialty Series", "Para-Professional Series")
CIPMS_COVERAGE = ("1-6a(1)", "1-6a(2)", "1-6a(3)", "13-2a", "13-2b", "13-2d")
_BRIDGE = re.compile(r"^(.+?) \(Bridge to Series ([\d/]+)\)$")
_MEMBER = re.compile(r"^(\d{3,4}(?:-[iI])?) (.+)$")


def series_groups(doc: Document) -> list[SeriesGroup]:
    out = []
    for name in CP34_GROUPS:
        head = sentence(doc, name, f"{name}:")
        codes = [normalize_series(c) for c in re.findall(r"\d{3,4}(?:-[iI])?", head.quote)]
        members = [
            Series(
                cite=i.cite,
                quote=i.quote,
                code=normalize_series(m.group(1)) or m.group(1),
                title=m.group(2),
            )
            for _, i in list_items(doc, name)
            if (m := _MEMBER.match(i.quote))
        ]
        out.append(
            SeriesGroup(
                cite=head.cite,
                quote=head.quote,
                name=name,
                codes=[c for c in codes if c],
                members=members,
                corpus_notes=corpus_notes(doc, name),
            )
        )
    return out


def bridges(doc: Document) -> list[Bridge]:
    """'IT Related (Bridge to Series 2210)' and the series listed under it."""
    out: list[Bridge] = []
    for indent, item in list_items(doc, "Para-Professional Series"):
        if indent == 0 and (m := _BRIDGE.match(item.quote)):
            written = m.group(2)
            targets = [normalize_series(t) or t for t in written.split("/")]
            out.append(
                Bridge(
                    cite=item.cite,
                    quote=item.quote,
                    name=m.group(1),
                    from_series=[],
                    to_series=targets,
                    to_as_written=written,
                )
            )
        elif indent > 0 and out and (m := _MEMBER.match(item.quote)):
            out[-1].from_series.append(normalize_series(m.group(1)) or m.group(1))
    if not out:
        raise CorpusError("CP-34 — Para-Professional Series: no bridges found.")
    return out


def cipms_series(doc: Document) -> list[Series]:
    """Series named in AR 690-13's coverage paragraphs (1-6a, 13-2); no titles are invented."""
    out = []
    for sid in CIPMS_COVERAGE:
        section = doc.by_id[sid]
        first = re.sub(r"^(?:[a-z]\.|\(\d\))\s+", "", section.text.split("\n")[0])
        quote = sentence(doc, sid, first[:30]).quote
        for code in dict.fromkeys(re.findall(r"GS(?:/GM)?-(\d{3,4})(?!-occupational)", quote)):
            title = (
                m.group(1)
                if (m := re.search(rf"([A-Z][a-z]+ Specialist), GS-{code}", quote))
                else None
            )
            out.append(
                Series(
                    cite=section.pin_cite,
                    quote=quote,
                    code=normalize_series(code) or code,
                    title=title,
                )
            )
    return out


def grade_bands(doc: Document) -> tuple[list[GradeBand], list[CareerPath]]:
    """Figure 3-1's rows; the lost Band 2/3 boundary is taken from the figure's labelled note."""
    text = doc.by_id["Figure 3-1"].text
    rows = [r for r in text.splitlines() if r.startswith("|") and not r.startswith("|---")]
    header = [c.strip() for c in rows[0].strip("|").split("|")]
    bands = [int(h.split()[1]) for h in header[1:]]
    grades_row = next(r for r in rows if r.startswith("| Grades"))
    cells = [c.strip() for c in grades_row.strip("|").split("|")][1:]
    note = sentence(doc, "Figure 3-1", "Two public sources give the boundary:")
    provenance = sentence(doc, "Figure 3-1", "Sources: Army CPOL", whole_line=True)
    split = {
        int(b): (int(lo), int(hi))
        for b, lo, hi in re.findall(r"Band (\d) = GS (\d+)–(\d+)", note.quote)
    }
    cite = doc.by_id["Figure 3-1"].pin_cite
    out = []
    for band, cell in zip(bands, cells):
        if "†" in cell and band in split:
            lo, hi = split[band]
            out.append(
                GradeBand(
                    cite=cite,
                    quote=grades_row,
                    band=band,
                    grades=list(range(lo, hi + 1)),
                    from_figure=False,
                    boundary=note,
                    provenance=provenance.quote,
                )
            )
        else:
            out.append(
                GradeBand(
                    cite=cite,
                    quote=grades_row,
                    band=band,
                    from_figure=True,
                    grades=[int(g) for g in re.findall(r"\d+", cell)],
                )
            )
    paths = []
    for row in rows[2:]:
        cols = [c.strip() for c in row.strip("|").split("|")]
        if cols[0] and any(cols[1:]):
            levels = {b: c for b, c in zip(bands, cols[1:]) if c}
            paths.append(CareerPath(cite=cite, quote=row, name=cols[0], levels=levels))
    return out, paths


def sections_index(data: dict, docs: dict[str, Document]) -> dict[str, SectionInfo]:
    """Pin-cite -> (doc, section, title) for every cite used anywhere in the data."""
    by_source = {d.short_name: d for d in docs.values()}
    cites: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("cite"), str):
                cites.add(node["cite"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(data)
    out = {}
    for cite in sorted(cites):
        source, section = split_pin_cite(cite)
        doc = by_source[source]
        out[cite] = SectionInfo(
            doc_id=doc.doc_id, source=source, section=section, title=doc.by_id[section].title
        )
    return out


def extract(corpus_dir: Path) -> CareerData:
    """All career data, freshly parsed from the corpus folder."""
    docs = {d.doc_id: d for d in load_corpus(corpus_dir)}
    ar, guide, cp = docs[AR], docs[OPM], docs[CP34]
    bands, paths = grade_bands(ar)
    certs, degrees = opm.certifications_and_degrees(guide)
    data = {
        "documents": [
            DocumentInfo(
                doc_id=d.doc_id,
                short_name=d.short_name,
                title=str(d.meta["title"]),
                date=str(d.meta.get("date", "")),
                status=str(d.meta["status"]),
                status_note=str(d.meta.get("status_note", "")),
            )
            for d in docs.values()
        ],
        "series_groups": series_groups(cp),
        "bridges": bridges(cp),
        "cipms_series": cipms_series(ar),
        "job_titles": opm.job_titles(guide),
        "parenthetical_titles": opm.parenthetical_titles(guide),
        "entry_points": opm.entry_points(guide),
        "success_factors": opm.success_factors(guide),
        "competencies": opm.competencies(guide),
        "certifications": certs,
        "degrees": degrees,
        "grade_bands": bands,
        "career_paths": paths,
        "rules": {k: sentence(docs[d], sid, anchor) for k, (d, sid, anchor) in RULES.items()},
        "gaps": {
            doc.by_id[sid].pin_cite: " ".join(corpus_notes(doc, sid))
            for doc, sid in (
                (guide, "Typical Career Path for IT Program Management—GS-2210"),
                (ar, "Figure 3-1"),
            )
        },
    }
    plain = CareerData.model_validate({**data, "sections": {}}).model_dump(mode="json")
    return CareerData.model_validate({**data, "sections": sections_index(plain, docs)})


def render(data: CareerData) -> str:
    return data.model_dump_json(indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m advisor.roadmap.extract", description=__doc__)
    p.add_argument("--corpus", type=Path, default=PROJECT_ROOT / "corpus")
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument(
        "--check", action="store_true", help="exit 1 if the file differs from a fresh run"
    )
    args = p.parse_args(argv)
    text = render(extract(args.corpus))
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'out of date; run without --check'}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
