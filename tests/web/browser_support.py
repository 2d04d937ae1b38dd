"""What the browser tests share: where Chromium is, their marks, and small page helpers.

The fixtures (``browser``, ``page_at``, ``requests_seen``) are in ``tests/web/conftest.py``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ANSWER_TIMEOUT_MS = 180_000
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (make test installs it)"),
]

# Whether answer number ``n`` is the last in the chat, holds ``words`` and has its first line
# inside the chat box's visible area (and the window's).
ANSWER_IN_VIEW = """([n, words]) => {
  const rows = document.querySelectorAll('#chatbot .message-row.bot-row');
  const last = rows[rows.length - 1];
  if (rows.length !== n || !last.innerText.includes(words)) { return false; }
  const box = last.closest('.bubble-wrap') || document.getElementById('chatbot');
  const line = last.getBoundingClientRect(), view = box.getBoundingClientRect();
  return line.top >= view.top - 1 && line.top + 20 <= view.bottom && line.top >= 0
         && line.top + 20 <= window.innerHeight;
}"""


def artifacts() -> Path:
    folder = Path(__file__).resolve().parents[2] / "test-artifacts"  # git-ignored
    folder.mkdir(exist_ok=True)
    return folder


def feedback_row(settings: Any, comment: str) -> dict[str, Any]:
    """The feedback row the page stored with ``comment``."""
    with sqlite3.connect(settings.data_dir / "feedback.sqlite3") as db:
        db.row_factory = sqlite3.Row
        row = db.execute("SELECT * FROM feedback WHERE comment = ?", (comment,)).fetchone()
    assert row is not None, f"no feedback row with the comment {comment!r}"
    return dict(row)


def ask(page: Any, question: str, words: str = "", timeout: int = ANSWER_TIMEOUT_MS) -> float:
    """Ask in the chat; seconds from the click on Ask until the new answer's first line (with
    ``words`` in the answer) is in view."""
    n = page.locator("#chatbot .message-row.bot-row").count() + 1
    page.get_by_label("Your question").fill(question)
    # the clock starts when the click reaches the page, not when Playwright starts checking
    # that the button can be clicked (~20-40 ms of waiting for stable frames)
    page.evaluate("""() => { window.__asked = null; document.addEventListener('click', (ev) => {
        if (ev.target instanceof Element && ev.target.closest('#ask')) { window.__asked = performance.now(); }
    }, { capture: true, once: true }); }""")
    page.get_by_role("button", name="Ask", exact=True).click()
    page.wait_for_function(ANSWER_IN_VIEW, arg=[n, words], timeout=timeout, polling="raf")
    return float(page.evaluate("() => (performance.now() - window.__asked) / 1000"))


def panel(page: Any, n: int) -> Any:
    """The sources-and-feedback panel of answer ``n`` (1 = the first answer)."""
    return page.locator(".answer-panel").filter(has_text=f"Answer {n} — sources and feedback")


def open_panel(page: Any, n: int) -> Any:
    """Answer ``n``'s panel, unfolded (only the latest answer's is open by itself)."""
    found = panel(page, n)
    if not found.get_by_label("Comment on this answer (optional)").is_visible():
        found.locator("button").first.click()
        found.get_by_label("Comment on this answer (optional)").wait_for(state="visible", timeout=10_000)
    return found


def choose_calculator(page: Any, title: str) -> None:
    """Pick a calculator in the Calculators tab's searchable list by its title."""
    box = page.locator("#calc-choice input")
    box.click()
    box.fill(title)
    page.get_by_role("option", name=title).first.click()
