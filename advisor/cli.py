"""The ``advisor`` command: index, ask, chat, calc, eval run, serve.

Wiring and presentation only; every rule and answer comes from the package.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
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


def cmd_eval_run(args: argparse.Namespace, settings: Settings) -> int:
    from advisor.batch import run_batch

    stats = run_batch(Path(args.dataset), Path(args.out), settings, writer=args.writer)
    print(json.dumps(stats))
    return 0


def build_parser() -> argparse.ArgumentParser:
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
    ev = sub.add_parser("eval", help="evaluation suite")
    evsub = ev.add_subparsers(dest="eval_command", required=True)
    run = evsub.add_parser("run", help="answer every case of a dataset (JSONL) into OUT")
    run.add_argument("--dataset", required=True)
    run.add_argument("--out", required=True)
    run.add_argument("--writer", default=None, help="override ADVISOR_LLM for this run")
    run.set_defaults(func=cmd_eval_run)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings()
        return int(args.func(args, settings) or 0)
    except AdvisorError as e:
        _err(str(e))
        return 2
    except ValueError as e:
        _err(str(e))
        return 2


if __name__ == "__main__":
    sys.exit(main())
