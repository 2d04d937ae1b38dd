"""Run the calculator calls a model makes, and refuse the ones it should not have made.

A call is refused (an error result goes back to the model) when its tool is unknown, its
arguments are not valid JSON or fail the calculator's input model, or a date or number in
its arguments does not occur in the user's own words (the model must not invent facts).
Each refusal is counted; the writer gives up on the model after too many. A successful
call becomes a ``Calculation`` and a numbered source the answer may cite. No model calls here.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from langchain_core.messages import AIMessage, ToolMessage
from langchain_core.tools import BaseTool

from advisor.calculators.facts_dates import find_dates
from advisor.claims import Source
from advisor.claims_figures import figures_in_text
from advisor.models import Calculation
from advisor.writers.llm_prompt import add_calculation, tool_result

log = logging.getLogger(__name__)


@dataclass
class ToolRunner:
    """Executes one answer's tool calls against the user's own words."""

    tools: dict[str, BaseTool]
    user_text: str  # the question and earlier turns: where tool inputs must come from
    today: date
    sources: dict[int, Source]
    calculations: list[Calculation] = field(default_factory=list)
    refused: int = 0

    def run(self, reply: AIMessage) -> list[ToolMessage]:
        out: list[ToolMessage] = []
        for bad in reply.invalid_tool_calls:
            out.append(self._refuse(bad.get("id") or "", bad.get("name") or "",
                                    f"arguments could not be read: {bad.get('error')}"))
        for call in reply.tool_calls:
            call_id, name, args = call.get("id") or "", call["name"], call.get("args") or {}
            tool = self.tools.get(name)
            if tool is None:
                out.append(self._refuse(call_id, name, f"there is no calculator called {name!r}"))
                continue
            problem = self._ungrounded(args)
            if problem:
                out.append(self._refuse(call_id, name, problem))
                continue
            try:
                data = tool.invoke(args)
            except Exception as e:  # noqa: BLE001 - any tool error goes back to the model as text
                out.append(self._refuse(call_id, name, f"bad arguments: {e}"))
                continue
            if isinstance(data, dict) and data.get("error"):
                out.append(self._refuse(call_id, name, f"bad arguments: {data['error']}"))
                continue
            calc = Calculation.model_validate(data)
            self.calculations.append(calc)
            source = add_calculation(self.sources, calc)
            out.append(ToolMessage(tool_result(calc, source), tool_call_id=call_id, name=name))
        return out

    def _refuse(self, call_id: str, name: str, reason: str) -> ToolMessage:
        self.refused += 1
        log.info("refused tool call %s: %s", name, reason)
        return ToolMessage(json.dumps({"error": reason + ". Use only facts the user stated; "
                                       "if one is missing, ask the user for it."}),
                           tool_call_id=call_id, name=name or "unknown", status="error")

    def _ungrounded(self, args: dict[str, Any]) -> str | None:
        """A date or number in the arguments that the user never wrote."""
        user = figures_in_text(self.user_text, self.today)
        user.dates |= {h.value for h in find_dates(self.user_text, self.today) if h.value}  # "yesterday"
        for key, value in args.items():
            if isinstance(value, bool) or value is None:
                continue
            if isinstance(value, str):
                found = find_dates(value, self.today)
                if found and found[0].value and found[0].value not in user.dates:
                    return f"{key}={value} is not a date the user gave"
            elif isinstance(value, (int, float)) and float(value) not in user.numbers \
                    and int(value) not in user.dollars:
                return f"{key}={value} is not a figure the user gave"
        return None


def tools_by_name(tools: Sequence[BaseTool]) -> dict[str, BaseTool]:
    return {t.name: t for t in tools}
