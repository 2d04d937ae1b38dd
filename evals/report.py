"""Write a run's report: ``report.md`` and a self-contained ``report.html`` (PNG figures as files
beside them) with the headline table, per-kind pass rates, recall curves, latency, the
advisor's refusal matrix and its failed cases, and - for a language-model writer - the claim
check's unsupported-sentence rates before and after verification; plus the one-line summary.

Takes finished scores; it runs no system and computes no metric except the ratio column.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evals import charts
from evals.dataset import Case

HEADLINE = ["pass_rate", "fact_accuracy", "must_not_violation_rate", "calc_exact",
            "refusal_precision", "refusal_recall", "refusal_accuracy", "citation_precision",
            "citation_recall", "recall@1", "recall@3", "recall@5", "recall@10", "mrr", "ndcg@10",
            "unsupported_lexical", "unsupported_embedding", "latency_p50_ms", "latency_p95_ms", "crashed"]
LOWER_IS_BETTER = {"must_not_violation_rate", "unsupported_lexical", "unsupported_embedding",
                   "latency_p50_ms", "latency_p95_ms", "crashed"}
SUBJECT = "advisor"
TRUNCATE = 400

Block = tuple[Any, ...]


@dataclass
class Run:
    """Everything one evaluation run produced, ready to report."""

    started: str
    split: str
    cases: list[Case]
    scores: dict[str, dict[str, Any]]
    latencies: dict[str, list[float]]
    problems: list[str] = field(default_factory=list)
    build_seconds: float | None = None
    today: str = ""
    writer: str = "none"  # the advisor's writer setting for the run (ADVISOR_LLM or --writer)


def fmt(value: Any, metric: str = "") -> str:
    if value is None:
        return "—"
    if metric.endswith("_ms"):
        return f"{value:,.0f} ms"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def ratio(metric: str, scores: dict[str, dict[str, Any]]) -> str:
    """The subject's value over the best baseline's (max, or min when lower is better)."""
    mine = scores.get(SUBJECT, {}).get("metrics", {}).get(metric)
    others = [s["metrics"].get(metric) for name, s in scores.items() if name != SUBJECT]
    others = [v for v in others if v is not None]
    if mine is None or not others:
        return "—"
    best = min(others) if metric in LOWER_IS_BETTER else max(others)
    return f"{mine / best:.2f}×" if best else "—"


def summary_line(run: Run) -> str:
    mine = run.scores.get(SUBJECT)
    if mine is None:
        return f"{run.split}: {len(run.cases)} cases; systems " + ", ".join(run.scores)
    m = mine["metrics"]
    base = ", ".join(f"{n} {fmt(s['metrics']['pass_rate'])}" for n, s in run.scores.items() if n != SUBJECT)
    checked = mine.get("verification") or {}
    before = checked.get("unsupported_before", checked.get("judged_unsupported_before"))
    after = checked.get("unsupported_after", checked.get("judged_unsupported_after"))
    claims = f", unsupported sentences {_pct(before)} → {_pct(after)} after verification" if checked else ""
    return (f"{run.split}: advisor passed {sum(c['passed'] for c in mine['cases'])}/{m['cases']} "
            f"({fmt(m['pass_rate'])}; baselines {base or 'none'}), recall@5 {fmt(m['recall@5'])}, "
            f"refusal P/R {fmt(m['refusal_precision'])}/{fmt(m['refusal_recall'])}, "
            f"p95 {fmt(m['latency_p95_ms'], '_ms')}, crashed {m['crashed']}{claims}")


def write_report(run: Run, out: Path) -> Path:
    """Write the figures, report.md, report.html and scores.json into ``out``; returns report.md."""
    out.mkdir(parents=True, exist_ok=True)
    charts.pass_rates_by_kind(run.scores, out / "pass_by_kind.png")
    charts.recall_curves(run.scores, out / "recall_at_k.png")
    charts.latency_histogram(run.latencies, out / "latency.png")
    if SUBJECT in run.scores:
        charts.refusal_matrix(run.scores[SUBJECT]["refusal"], out / "refusals.png")
    blocks = _blocks(run)
    (out / "report.md").write_text(_markdown(blocks), encoding="utf-8")
    (out / "report.html").write_text(_html(blocks, run.started), encoding="utf-8")
    (out / "scores.json").write_text(json.dumps(run.scores, indent=1, default=str), encoding="utf-8")
    return out / "report.md"


def _blocks(run: Run) -> list[Block]:
    systems = list(run.scores)
    build = "not measured" if run.build_seconds is None else f"{run.build_seconds:.1f} s"
    blocks: list[Block] = [
        ("h1", f"Evaluation report {run.started}"),
        ("p", (f"Split **{run.split}**: {len(run.cases)} cases; systems: {', '.join(systems)}; "
               f"advisor writer: {run.writer}; "
               f"answers as of {run.today}; index build (fresh, into a temporary folder): {build}.")),
        ("p", ("Metric definitions and how sections match: `evals/README.md`. The last column is the "
               "advisor's value over the best baseline's (for latency, violations and unsupported "
               "sentences lower is better, so below 1× is better).")),
        ("h2", "Headline"),
        ("table", ["metric", *systems, "advisor ÷ best baseline"],
         [[k, *(fmt(run.scores[s]["metrics"].get(k), k) for s in systems), ratio(k, run.scores)]
          for k in HEADLINE]),
        ("h2", "Pass rate by kind"),
        ("table", ["kind", *systems],
         [[k, *(_kind_cell(run.scores[s]["per_kind"].get(k)) for s in systems)]
          for k in dict.fromkeys(k for s in systems for k in run.scores[s]["per_kind"])]),
        ("img", "pass_by_kind.png", "pass rate by kind"),
        ("img", "recall_at_k.png", "recall at k"),
        ("img", "latency.png", "latency histogram"),
    ]
    if SUBJECT in run.scores:
        c = run.scores[SUBJECT]["refusal"]
        failed = [r for r in run.scores[SUBJECT]["cases"] if not r["passed"]]
        blocks += [("h2", "Refusals (advisor)"),
                   ("p", (f"refused correctly {c['tp']}, refused wrongly {c['fp']}, answered what "
                          f"should be refused {c['fn']}, answered correctly {c['tn']}.")),
                   ("img", "refusals.png", "refusal confusion matrix"),
                   ("h2", f"Failed advisor cases ({len(failed)})"),
                   ("cases", failed)]
    for name in systems:
        if run.scores[name].get("verification"):
            blocks += _verification_blocks(name, run.scores[name], run.writer)
    if run.problems:
        blocks += [("h2", f"Dataset problems ({len(run.problems)})"), ("list", run.problems)]
    return blocks


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f} %"


def _verification_blocks(name: str, scores: dict[str, Any], writer: str) -> list[Block]:
    """Before/after unsupported-sentence rates and the check's cost (``evals/verification.py``)."""
    v, m = scores["verification"], scores["metrics"]
    rows = []
    if "unsupported_before" in v:
        rows.append(["unsupported sentences (true, from the scripted model's labels)",
                     _pct(v["unsupported_before"]), _pct(v["unsupported_after"])])
    rows += [["unsupported sentences (judged by the verifier)",
              _pct(v["judged_unsupported_before"]), _pct(v["judged_unsupported_after"])],
             ["unsupported sentences (the evaluation's own check, lexical / embedding)", "—",
              f"{_pct(m.get('unsupported_lexical'))} / {_pct(m.get('unsupported_embedding'))}"]]
    facts = [["answers drafted by the model and checked", str(v["answers"])],
             ["… of which fell back to the extractive answer", str(v["fell_back"])],
             ["sentences drafted / shown", f"{v['sentences']} / {v['sentences_shown']}"]]
    if "unsupported_before" in v:
        facts += [["correct sentences removed", _pct(v["supported_removed"])],
                  ["planted unsupported sentences removed", _pct(v["unsupported_caught"])],
                  *[[f"… {kind}", _pct(rate)] for kind, rate in v["caught_by_kind"].items()]]
    facts += [["verification time per answer, p50 / p95 / mean",
               " / ".join(fmt(v[k], "_ms") for k in ("verify_p50_ms", "verify_p95_ms", "verify_mean_ms"))],
              ["whole answer, p50 (for scale)", fmt(m.get("latency_p50_ms"), "_ms")]]
    return [("h2", f"Claim verification ({name}, writer {writer})"),
            ("p", ("Every sentence of the model's draft must cite a numbered source that supports it "
                   "(`advisor/claims.py`); unsupported sentences are removed, and when too much is "
                   "removed the extractive answer is shown instead. Before = the draft; after = the "
                   "sentences shown. Definitions: `evals/verification.py`.")),
            ("table", ["", "before verification", "after (shown)"], rows),
            ("table", ["", "value"], facts)]


def _kind_cell(rate: dict[str, Any] | None) -> str:
    return "—" if not rate else f"{rate['passed']}/{rate['n']} ({fmt(rate['rate'])})"


def _cut(text: str) -> str:
    return text if len(text) <= TRUNCATE else text[:TRUNCATE] + " …"


def _failed_checks(case: dict[str, Any]) -> str:
    if case["error"]:
        return "crashed: " + case["error"]
    return "failed: " + ", ".join(k for k, ok in case["checks"].items() if not ok)


def _markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        match b:
            case ("h1", text):
                out.append(f"# {text}")
            case ("h2", text):
                out.append(f"## {text}")
            case ("p", text):
                out.append(text)
            case ("table", head, rows):
                out.append("\n".join(["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
                                     + ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]))
            case ("img", src, alt):
                out.append(f"![{alt}]({src})")
            case ("list", items):
                out.append("\n".join(f"- {i}" for i in items))
            case ("cases", cases):
                out.append("\n\n".join(
                    f"**{c['id']}** ({c['kind']}) — {_failed_checks(c)}  \n"
                    f"Q: {_cut(c['question'])}  \nExpected: {_cut(c['expected'])}  \nGot: {_cut(c['got'])}"
                    for c in cases) or "None.")
    return "\n\n".join(out) + "\n"


def _html(blocks: list[Block], title: str) -> str:
    e = html.escape
    out: list[str] = []
    for b in blocks:
        match b:
            case ("h1", text):
                out.append(f"<h1>{e(text)}</h1>")
            case ("h2", text):
                out.append(f"<h2>{e(text)}</h2>")
            case ("p", text):
                body = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", e(text))
                out.append("<p>" + re.sub(r"`(.+?)`", r"<code>\1</code>", body) + "</p>")
            case ("table", head, rows):
                out.append("<table><tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr>"
                           + "".join("<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in r) + "</tr>"
                                     for r in rows) + "</table>")
            case ("img", src, alt):
                out.append(f'<p><img src="{e(src)}" alt="{e(alt)}"></p>')
            case ("list", items):
                out.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>")
            case ("cases", cases):
                out.append("".join(
                    f"<details><summary><b>{e(c['id'])}</b> ({e(c['kind'])}) — {e(_failed_checks(c))}"
                    f"</summary><p><b>Q:</b> {e(c['question'])}</p><p><b>Expected:</b> "
                    f"{e(_cut(c['expected']))}</p><p><b>Got:</b> {e(_cut(c['got']))}</p></details>"
                    for c in cases) or "<p>None.</p>")
    style = ("body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}"
             "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
             "text-align:right}td:first-child,th:first-child{text-align:left}img{max-width:100%}"
             "details{margin:.4em 0}summary{cursor:pointer}")
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{e(title)}</title>"
            f"<style>{style}</style></head><body>{''.join(out)}</body></html>\n")
