"""The ``advisor`` command: index, ask, chat, calc, eval run|score|report, serve.

Wiring and presentation only; every rule and answer comes from the package.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from advisor.config import Settings
from advisor.errors import AdvisorError


def _err(msg: str) -> None:
    print(f"error: {msg}", file=sys.stderr)


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    from advisor.index_store import build_index

    report = build_index(settings, rebuild=args.rebuild, progress=lambda m: print(m, file=sys.stderr))
    if report.changed:
        print(f"Built index {report.build}: {report.chunks} chunks ({report.embedded} embedded, "
              f"{report.reused} reused, {report.removed} removed) in {report.seconds:.1f} s.")
    else:
        print(f"Index {report.build} is up to date: {report.chunks} chunks, nothing to do ({report.seconds:.1f} s).")
    return 0


def _print_answer(answer, as_json: bool) -> None:
    if as_json:
        print(answer.model_dump_json(indent=2, exclude={"retrieved"}))
        return
    print(answer.answer)
    if answer.citations:
        print("\nSources: " + "; ".join(dict.fromkeys(c.pin_cite for c in answer.citations)))


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from advisor.factory import load_advisor

    advisor = load_advisor(settings, progress=lambda m: print(m, file=sys.stderr))
    _print_answer(advisor.ask(args.question), args.json)
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    from advisor.factory import load_advisor

    advisor = load_advisor(settings, progress=lambda m: print(m, file=sys.stderr))
    print("Ask about AR 690-13 (CIPMS), the OPM IT Program Management Career Path Guide or CP-34.")
    print("Type 'new' to start a new conversation, 'quit' to leave.\n")
    history: list[str] = []
    while True:
        try:
            question = input("you> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if question.lower() in {"quit", "exit"}:
            return 0
        if question.lower() == "new":
            history = []
            print("(new conversation)\n")
            continue
        try:
            answer = advisor.ask(question, history)
        except AdvisorError as e:
            print(f"advisor> {e}\n")
            continue
        print("advisor> ", end="")
        _print_answer(answer, False)
        print()
        history.append(question)


def cmd_roadmap(args: argparse.Namespace, settings: Settings) -> int:
    from advisor.roadmap.command import run

    return run(args)


def cmd_calc(args: argparse.Namespace, settings: Settings) -> int:
    from advisor.calc_cli import run

    return run(args, args.extra, settings)


def cmd_eval_run(args: argparse.Namespace, settings: Settings) -> int:
    from advisor.batch import run_batch

    stats = run_batch(Path(args.dataset), Path(args.out), settings, writer=args.writer)
    print(json.dumps(stats))
    return 0


def _evals_importable() -> None:
    """evals/ sits beside the package and is not installed: make it importable from any cwd."""
    from advisor.config import PROJECT_ROOT

    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))


def cmd_eval_score(args: argparse.Namespace, settings: Settings) -> int:
    _evals_importable()
    from evals.run import metrics_text, score_file

    result = score_file(Path(args.dataset), Path(args.answers))
    print(json.dumps(result, default=str) if args.json else metrics_text(result))
    return 0


def cmd_eval_report(args: argparse.Namespace, settings: Settings) -> int:
    _evals_importable()
    from evals.run import main as run_evals

    return run_evals(["--split", args.split] + (["--limit", str(args.limit)] if args.limit else [])
                     + (["--writer", args.writer] if args.writer else []))


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import os

    from advisor.web.server import serve

    if args.workers < 1:
        raise ValueError("--workers must be 1 or more.")
    updates = {k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None}
    # --uds and its key are how `--workers` starts each worker; not for people to use
    serve(settings.model_copy(update=updates), workers=args.workers, uds=args.uds,
          internal_key=os.environ.pop("ADVISOR_INTERNAL_KEY", "") if args.uds else "")
    return 0


def cmd_feedback_export(args: argparse.Namespace, settings: Settings) -> int:
    from advisor.feedback import FeedbackStore

    n = FeedbackStore(settings.data_dir).export_csv(Path(args.csv))
    print(f"Wrote {n} feedback rows to {args.csv}.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from advisor.roadmap.command import add_arguments as _roadmap_arguments

    p = argparse.ArgumentParser(prog="advisor", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    ix = sub.add_parser("index", help="build or refresh the search index")
    ix.add_argument("--rebuild", action="store_true", help="re-embed everything and replace the index")
    ix.set_defaults(func=cmd_index)
    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the Answer JSON")
    ask.set_defaults(func=cmd_ask)
    chat = sub.add_parser("chat", help="a conversation in the terminal")
    chat.set_defaults(func=cmd_chat)
    from advisor.calc_cli import add_arguments as _calc_arguments

    calc = sub.add_parser("calc", help="run a calculator: advisor calc NAME --arg value ... | --list")
    _calc_arguments(calc)
    calc.set_defaults(func=cmd_calc)
    rm = sub.add_parser("roadmap", help="a cited career roadmap (AR 690-13, OPM ITPM guide, CP-34)")
    _roadmap_arguments(rm)
    rm.set_defaults(func=cmd_roadmap)
    ev = sub.add_parser("eval", help="evaluation suite")
    evsub = ev.add_subparsers(dest="eval_command", required=True)
    run = evsub.add_parser("run", help="answer every case of a dataset (JSONL) into OUT")
    run.add_argument("--dataset", required=True)
    run.add_argument("--out", required=True)
    run.add_argument("--writer", default=None, help="override ADVISOR_LLM for this run")
    run.set_defaults(func=cmd_eval_run)
    sc = evsub.add_parser("score", help="print the metrics of an answers file against its dataset")
    sc.add_argument("--dataset", required=True)
    sc.add_argument("--answers", required=True)
    sc.add_argument("--json", action="store_true", help="print metrics and per-case results as JSON")
    sc.set_defaults(func=cmd_eval_score)
    rep = evsub.add_parser("report", help="the full evaluation: all systems, scores, report")
    rep.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    rep.add_argument("--limit", type=int, default=None, help="a stratified subset of about N cases")
    rep.add_argument("--writer", default=None, choices=["none", "openai", "ollama", "llamacpp", "scripted"],
                     help="the advisor's writer (default ADVISOR_LLM); scripted = a labelled fake model "
                          "that measures claim verification")
    rep.set_defaults(func=cmd_eval_report)
    srv = sub.add_parser("serve", help="run the web app and REST API (default 127.0.0.1:7860)")
    srv.add_argument("--host", default=None, help="bind address (ADVISOR_HOST)")
    srv.add_argument("--port", type=int, default=None, help="port (ADVISOR_PORT)")
    srv.add_argument("--workers", type=int, default=1,
                     help="worker processes behind one port; a browser stays on its worker (default 1)")
    srv.add_argument("--uds", default=None, help=argparse.SUPPRESS)
    srv.set_defaults(func=cmd_serve)
    fb = sub.add_parser("feedback", help="readers' feedback on answers")
    fbsub = fb.add_subparsers(dest="feedback_command", required=True)
    fbx = fbsub.add_parser("export", help="write every feedback row to a CSV file")
    fbx.add_argument("--csv", required=True, metavar="FILE")
    fbx.set_defaults(func=cmd_feedback_export)
    return p


def main(argv: list[str] | None = None) -> int:
    args, extra = build_parser().parse_known_args(argv)
    if extra and getattr(args, "command", None) != "calc":
        build_parser().parse_args(argv)  # reports the unknown arguments and exits
    args.extra = extra
    try:
        settings = Settings()
        return int(args.func(args, settings) or 0)
    except AdvisorError as e:
        _err(str(e))
        return 2
    except ValueError as e:
        _err(str(e))
        return 2
    except OSError as e:  # a file that cannot be read or written: name it, no traceback
        _err(f"{e.strerror or e}: {e.filename}" if e.filename else str(e))
        return 2
    except RecursionError:  # e.g. a JSON value nested thousands deep in a --arg or a dataset
        _err("The input is nested too deeply to read. Flatten it and try again.")
        return 2


if __name__ == "__main__":
    sys.exit(main())
