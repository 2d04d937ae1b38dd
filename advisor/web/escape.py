"""Make text that did not come from the page's own templates safe to show as Markdown.

Two kinds of text reach the page's Markdown. ``plain(text)`` is for text that must read
exactly as typed: questions, section ids from the address, search words, comments, error
messages echoing input. Every character that Markdown or HTML would act on is escaped, so
no tag, link, image or heading can come out of it. ``markdown_text(md)`` is for the
writers' answers and the corpus passages, whose Markdown (bold, lists, quotes, tables) is
wanted: raw HTML, images and links are neutralised and everything else is kept. Neither
touches the page's own template Markdown, and neither decides what is shown.
"""

from __future__ import annotations

import html
import re

# Inline syntax (emphasis, code, links, tables, LaTeX) anywhere; block syntax (headings,
# quotes, lists, rules, setext underlines) only where it acts, at the start of a line.
_INLINE = re.compile(r"([\\`*_\[\]|~$])")
_BLOCK = re.compile(r"(?m)^(\s*)([#>+=-]|\d+(?=[.)]))")
_IMAGE = re.compile(r"!\s*\[")
_LINK = re.compile(r"\]\s*[(\[]")
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|www)(:|\.)")


def plain(text: object) -> str:
    """Markdown that shows ``text`` literally: no HTML, no links, no formatting."""
    escaped = _INLINE.sub(r"\\\1", html.escape(str(text), quote=False))
    escaped = _BLOCK.sub(lambda m: m.group(1) + "\\" + m.group(2) if not m.group(2).isdigit()
                         else m.group(1) + m.group(2) + "\\", escaped)
    return _AUTOLINK.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped).replace("\n", "  \n")


def markdown_text(md: object) -> str:
    """``md`` with raw HTML shown as text and images and links made inert; other Markdown stays."""
    text = str(md).replace("&", "&amp;").replace("<", "&lt;")
    text = _IMAGE.sub(lambda m: m.group(0).replace("[", "\\["), text)
    text = _LINK.sub(lambda m: "\\" + m.group(0), text)
    return _AUTOLINK.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
