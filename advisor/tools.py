"""The calculators as LangChain tools, for a language-model writer to call.

Each tool has the calculator's name, a description that names its rule and pin-cite, and
the calculator's pydantic input model as its typed, documented arguments. A tool returns
the Calculation as JSON-safe data; bad arguments come back as an error result, never an
exception the model cannot read. ``today`` and the pay-period anchor are bound when the
tools are made, so nothing reads the clock inside.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.tools import StructuredTool
from pydantic import ValidationError

from advisor.calculators.base import Calculator, CalculatorError, Context


def calculator_tool(calc: Calculator, context: Context) -> StructuredTool:
    """One calculator as a StructuredTool bound to ``context``."""

    def run(**kwargs: Any) -> dict[str, Any]:
        try:
            return calc(kwargs, context).model_dump(mode="json")
        except (CalculatorError, ValidationError) as e:
            return {"name": calc.name, "error": str(e), "rule": calc.rule.ref().model_dump()}

    description = (
        f"{calc.title}. Rule: {calc.rule.pin_cite}: \"{calc.rule.quote[:300]}\". "
        f"Returns the exact {calc.kind} result; never compute it yourself."
    )
    return StructuredTool.from_function(
        func=run, name=calc.name, description=description, args_schema=calc.inputs,
    )


def calculator_tools(calculators: Sequence[Calculator], context: Context) -> list[StructuredTool]:
    """Every calculator as a tool."""
    return [calculator_tool(c, context) for c in calculators]
