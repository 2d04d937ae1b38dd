"""A small run of the load script: 4 clients x 3 questions, then 50 feedback submissions at once.

The full run (32 x 25 questions, 1,000 feedback, /healthz during a rebuild) is
``python -m tests.hardening.load_api``; this keeps the script itself working.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hardening_support import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (ROOT / "app.py").exists(), reason="app.py (the web app) does not exist yet"),
]


def test_a_small_load_on_the_api_has_no_errors_and_loses_no_feedback(settings, advisor):
    res = subprocess.run(
        [sys.executable, "-m", "tests.hardening.load_api", "--clients", "4", "--questions", "3",
         "--feedback", "50", "--no-rebuild-probe", "--index-dir", str(settings.index_dir), "--deadline", "900"],
        cwd=ROOT, capture_output=True, text=True, timeout=1200, check=False,
    )
    assert res.returncode == 0, res.stderr[-3000:]
    report = json.loads(res.stdout)
    assert report["ask"]["requests"] == 12 and report["ask"]["errors"] == 0
    assert report["feedback"]["accepted"] == report["feedback"]["rows_in_sqlite"] == 50
