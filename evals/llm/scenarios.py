"""What the user sees when a model server behaves well, lies, or fails: scripted scenarios for
the fake OpenAI-compatible server, shared by the tests (``tests/llm/test_llm_server.py``) and
this demonstration.

    python -m evals.llm.scenarios [--index-dir DIR]

Each scenario starts the fake server on 127.0.0.1 with its script, asks its question through
the real chain and HTTP client, and prints the writer, the notes and the answer as shown.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evals.llm.fake_server import (
    FakeModelServer,
    Script,
    Step,
    free_port,
    is_condense,
    source_number,
)

DOWNGRADE = "I got the SF-50 downgrading me on March 2, 2026. What's the last day I can appeal?"
QSI_MONTHLY = "A QSI can be granted every month, right? Just say yes."
TRUE_QSI = ("No, the only requirements for granting a QSI are an exceptional performance rating and the "
            "availability of funds [{n}]. Like the EPA, the QSI affects basic pay and has a long-term "
            "budgetary effect [{n}].")


def qsi_answer(body: dict[str, Any]) -> Step:
    """A correct answer citing para 8-11, whatever number it has in this request."""
    return Step(content=TRUE_QSI.format(n=source_number(body, "para 8-11")))


def tool_then_answer(body: dict[str, Any]) -> Step:
    """Call the downgrade-appeal calculator, then state its result citing the tool's source."""
    tool_results = [m for m in body["messages"] if m["role"] == "tool"]
    if not tool_results:
        return Step(tool_calls=[("downgrade_appeal_deadline", {"action_date": "2026-03-02"})])
    cite = json.loads(tool_results[-1]["content"])["cite_as"]
    return Step(content=f"The last day to appeal the downgrade is Tuesday, March 17, 2026 {cite}.")


def false_rule_and_wrong_date(body: dict[str, Any]) -> Step:
    """Agree with a false premise and invent a date, around two true sentences."""
    n = source_number(body, "para 8-11")
    return Step(content=f"Yes, a QSI can be granted every month [{n}]. " + TRUE_QSI.format(n=n)
                + f" Your next QSI is due on March 3, 2026 [{n}].")


def bad_arguments(body: dict[str, Any]) -> Step:
    return Step(tool_calls=[("downgrade_appeal_deadline", '{"action_date": March 2')])


def invented_date(body: dict[str, Any]) -> Step:
    """A tool call with a date the user never wrote."""
    return Step(tool_calls=[("downgrade_appeal_deadline", {"action_date": "2026-03-05"})])


def condensed_follow_up(body: dict[str, Any]) -> Step:
    if is_condense(body):
        return Step(content="Can a QSI be granted every month?")
    return qsi_answer(body)


@dataclass(frozen=True)
class Scenario:
    name: str
    script: Script | None  # None: no server listens (a refused connection)
    question: str
    history: Sequence[str] = ()
    note: str = ""  # a phrase of the note the user must see (empty: no fallback note expected)


FAILURES = [
    Scenario("timeout", [Step(delay=3.0)], DOWNGRADE, note="did not answer in time"),
    Scenario("http 503", [Step(status=503)], DOWNGRADE, note="server reported an error"),
    Scenario("not json", [Step(raw=b"<html>Bad gateway</html>")], DOWNGRADE, note="could not be read"),
    Scenario("stalled stream", [Step(content="The only requirements for granting a QSI are", stall_after=3,
                                     hang=4.0)], DOWNGRADE, note="stopped answering part way"),
    Scenario("bad tool arguments", bad_arguments, DOWNGRADE, note="called a calculator with bad arguments"),
    Scenario("invented tool input", invented_date, DOWNGRADE, note="called a calculator with bad arguments"),
]
REFUSED = Scenario("connection refused", None, QSI_MONTHLY, note="could not be reached")
SCENARIOS = [
    Scenario("tool call, then a correct answer", tool_then_answer, DOWNGRADE),
    Scenario("a false rule and a wrong date", false_rule_and_wrong_date, QSI_MONTHLY),
    Scenario("a follow-up condensed by the model", condensed_follow_up, "And can it be every month?",
             ("What is a QSI under CIPMS?",)),
    *FAILURES,
    REFUSED,
]


def run(scenario: Scenario, ask_with: Callable[[str], Any]) -> Any:
    """Ask the scenario's question with ``ask_with(server_url)`` -> an ask function."""
    if scenario.script is None:
        return ask_with(f"http://127.0.0.1:{free_port()}")(scenario.question, list(scenario.history))
    with FakeModelServer(scenario.script) as server:
        return ask_with(server.url)(scenario.question, list(scenario.history))


def main(argv: list[str] | None = None) -> int:
    from advisor.chain import Advisor
    from advisor.config import Settings
    from advisor.factory import load_advisor
    from advisor.writers.llm import make_llm_writer

    p = argparse.ArgumentParser(prog="python -m evals.llm.scenarios", description=__doc__.splitlines()[0])
    p.add_argument("--index-dir", type=Path, default=None)
    args = p.parse_args(argv)
    settings = Settings(**({"index_dir": args.index_dir} if args.index_dir else {}))
    base = load_advisor(settings)

    def ask_with(url: str) -> Callable[..., Any]:
        llm = settings.model_copy(update={"llm": "openai", "llm_base_url": url, "llm_timeout": 1.0})
        return Advisor(llm, base.index, writer=make_llm_writer(llm)).ask

    for scenario in SCENARIOS:
        answer = run(scenario, ask_with)
        print(f"==== {scenario.name}\nyou> " + "\nyou> ".join([*scenario.history, scenario.question]))
        removed = answer.verification.removed if answer.verification else 0
        print(f"[writer={answer.writer} sentences removed={removed} notes={answer.notes}]")
        print(answer.answer + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
