"""The maintainers' evaluation suite: datasets, metrics, baselines, reports and the CI gate.

Uses the advisor's public API only (``load_advisor``, ``Retriever.search``, the Answer
JSON); it never reaches into the chain. Nothing runs at import time.
"""
