"""End to end: answer a split with every system, score, write the report, print one line.

    python -m evals.run [--split dev|test|plain|all] [--systems advisor bm25 dense tutorial] [--limit N]
                        [--writer none|openai|ollama|llamacpp|scripted]
    python -m evals.run --rescore evals/reports/<run>   # new metrics over saved answers

Reports go to ``evals/reports/<YYYYmmdd-HHMMSS>/`` (answers, scores, report.md/.html, figures).
Answers are as of a fixed date (``ADVISOR_TODAY``, else ``EVAL_TODAY``) so runs are
comparable. A crash inside one case is that case's failure, never the run's.

``--writer`` picks the advisor's writer (default: ``ADVISOR_LLM``, normally the extractive
one); ``openai``/``ollama``/``llamacpp`` use the server the ``ADVISOR_LLM_*`` settings name, and
``scripted`` a scripted model on a loopback fake server whose labelled sentences give the true
unsupported-sentence rate before and after verification (``evals/llm/scripted.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import Any

from advisor.config import Settings
from evals.baselines import AdvisorSystem, RetrievalBaseline, System
from evals.dataset import Case, load_dataset, load_split, stratified, unknown_sections
from evals.harness import answer_interleaved, read_answers, write_answers
from evals.report import HEADLINE, Run, fmt, summary_line, write_report
from evals.scoring import score

SYSTEMS = ("advisor", "bm25", "dense", "tutorial")
MODEL_WRITERS = ("openai", "ollama", "llamacpp")
WRITERS = ("none", *MODEL_WRITERS, "scripted")
EVAL_TODAY = date(2026, 11, 23)  # the date the datasets' relative phrases were written against
REPORTS = Path(__file__).resolve().parent / "reports"


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def eval_settings() -> Settings:
    settings = Settings()
    return settings if settings.today else settings.model_copy(update={"today": EVAL_TODAY})


def build_systems(names: list[str], settings: Settings, stack: ExitStack,
                  scripted: bool = False) -> list[System]:
    """The named systems; with ``scripted`` the advisor writes with the scripted model, whose
    fake server lives as long as ``stack``."""
    from advisor.chain import Advisor
    from advisor.embeddings import shared_embedder
    from advisor.factory import load_advisor
    from advisor.retrieval import Retriever
    from advisor.writers.extractive import SUPPORT_THRESHOLD
    from evals.tutorial import TutorialRAG

    embed = shared_embedder().encode
    advisor = load_advisor(settings, progress=_log)  # opens (or first builds) the index
    retriever = Retriever(advisor.index)
    annotate = None
    if scripted and "advisor" in names:
        from advisor.writers.llm import make_llm_writer
        from evals.llm.scripted import ScriptedServer

        server = stack.enter_context(ScriptedServer(retriever))
        model_settings = server.settings(settings)
        advisor = Advisor(model_settings, advisor.index, writer=make_llm_writer(model_settings))
        annotate = server.annotate
    made: dict[str, Any] = {
        "advisor": lambda: AdvisorSystem(advisor, annotate),
        "bm25": lambda: RetrievalBaseline(retriever, "bm25", embed),
        "dense": lambda: RetrievalBaseline(retriever, "dense", embed, refuse_below=SUPPORT_THRESHOLD),
        "tutorial": lambda: TutorialRAG(settings.corpus_dir, embed),
    }
    return [made[n]() for n in names]


def measure_build(settings: Settings) -> float | None:
    """Seconds for one full index build into a temporary folder (the model already loaded)."""
    from advisor.index_store import build_index

    try:
        with tempfile.TemporaryDirectory(prefix="eval-index-") as tmp:
            return build_index(settings.model_copy(update={"index_dir": Path(tmp)})).seconds
    except Exception as e:  # noqa: BLE001 - a timing failure must not lose the report
        _log(f"index build timing failed: {type(e).__name__}: {e}")
        return None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m evals.run", description=__doc__.splitlines()[0])
    p.add_argument("--split", default="dev", choices=["dev", "test", "plain", "tune", "tune2", "tune3", "all"])
    p.add_argument("--systems", nargs="+", default=list(SYSTEMS), choices=SYSTEMS)
    p.add_argument("--limit", type=int, default=None, help="a stratified subset of about N cases")
    p.add_argument("--out", type=Path, default=None, help="report folder (default: a new timestamped one)")
    p.add_argument("--no-build-timing", action="store_true", help="skip the fresh index build timing")
    p.add_argument("--writer", choices=WRITERS, default=None,
                   help="the advisor's writer (default: ADVISOR_LLM); scripted = a labelled fake model")
    p.add_argument("--rescore", type=Path, default=None, metavar="DIR",
                   help="re-score the answers saved in an earlier report folder and rewrite its report")
    args = p.parse_args(argv)
    if args.rescore:
        meta = json.loads((args.rescore / "run.json").read_text(encoding="utf-8"))
        args.split, args.limit, args.systems = meta["split"], meta["limit"], meta["systems"]
    cases, problems = load_split(args.split)
    settings = eval_settings()
    writer = args.writer or settings.llm
    if writer in MODEL_WRITERS:
        settings = settings.model_copy(update={"llm": writer})
    elif writer == "scripted":
        settings = settings.model_copy(update={"llm": "none"})  # the model writer is wired in build_systems
    problems += unknown_sections(cases, settings.corpus_dir)
    for problem in problems:
        _log(problem)
    if args.limit:
        cases = stratified(cases, args.limit)
    if args.rescore:
        out = args.rescore
        answers = {name: read_answers(out / f"answers-{name}.jsonl")[0] for name in args.systems}
    else:
        meta = {"started": time.strftime("%Y%m%d-%H%M%S"), "split": args.split, "limit": args.limit,
                "systems": args.systems, "today": str(settings.today), "writer": writer}
        out = args.out or REPORTS / meta["started"]
        with ExitStack() as stack:
            answers = answer_interleaved(build_systems(args.systems, settings, stack, writer == "scripted"), cases, progress=_log)
        for name, by_id in answers.items():
            write_answers(out / f"answers-{name}.jsonl", by_id)
        meta["build_seconds"] = None if args.no_build_timing else measure_build(settings)
        (out / "run.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    run = _score_run(meta, cases, answers, problems)
    report = write_report(run, out)
    _log(f"report: {report} (and report.html)")
    print(summary_line(run))
    return 0


def _score_run(meta: dict[str, Any], cases: list[Case], answers: dict[str, dict[str, dict[str, Any]]],
               problems: list[str]) -> Run:
    from advisor.embeddings import shared_embedder

    scores = {name: score(cases, by_id, shared_embedder().encode) for name, by_id in answers.items()}
    latencies = {name: [float(a["wall_ms"]) for a in by_id.values() if not a.get("crashed")]
                 for name, by_id in answers.items()}
    return Run(started=meta["started"], split=meta["split"], cases=cases, scores=scores,
               latencies=latencies, problems=problems, build_seconds=meta.get("build_seconds"),
               today=meta["today"], writer=meta.get("writer", "none"))


def score_file(dataset: Path, answers_path: Path, embed: bool = True) -> dict[str, Any]:
    """Scores of one answers file (e.g. from ``advisor eval run``) against its dataset."""
    cases, problems = load_dataset(dataset)
    answers, answer_problems = read_answers(answers_path)
    encode = None
    if embed:
        from advisor.embeddings import shared_embedder

        encode = shared_embedder().encode
    result = score(cases, answers, encode)
    result["problems"] = problems + answer_problems
    return result


def metrics_text(result: dict[str, Any]) -> str:
    """The metrics of ``score_file`` as aligned lines, then pass rates by kind."""
    m = result["metrics"]
    lines = [f"{k:<24} {fmt(m.get(k), k)}" for k in HEADLINE]
    lines += [f"pass[{k}]".ljust(24) + f" {v['passed']}/{v['n']}" for k, v in result["per_kind"].items()]
    checked = result.get("verification") or {}
    lines += [f"verify.{k}".ljust(24) + f" {fmt(v, k)}" for k, v in checked.items() if k != "caught_by_kind"]
    return "\n".join(result["problems"] + lines)


if __name__ == "__main__":
    sys.exit(main())
