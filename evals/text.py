"""Turn an answer's Markdown into what a reader sees: plain text and the sentences that make claims.

Used by the fact/must_not checks (plain text) and by the unsupported-sentence metric
(claim sentences). It knows the advisor's presentation habits only as Markdown shapes
(headings, bold labels, italic note lines, quote attributions); it scores nothing.
"""

from __future__ import annotations

import re

from advisor.text import sentence_spans

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|`)")
_SINGLE_EMPH = re.compile(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])")
_LABEL = re.compile(r"^\s*\*\*[^*\n]{1,60}?(?::\*\*|\*\*:)\s*")
_LEAD = re.compile(r"^\s*(?:>\s*)*(?:#{1,6}\s+|[-*•]\s+|\d{1,2}\.\s+)?")
_BOLD_LINE = re.compile(r"^\*\*[^*]+\*\*:?$")
_PIN = re.compile(r"\((?:AR 690-13|CP-34|OPM ITPM Career Path Guide)[^()]*(?:\([^()]*\)[^()]*)*\)")
_SOURCES = re.compile(r"^[*_]*Sources?:", re.IGNORECASE)
_TRAILING_CITE = re.compile(r"\s+[—–]\s+[*_][^*_]+[*_]\s*$")
_ATTRIBUTION = re.compile(r"^\s*>?\s*[—–-]{1,2}\s")
_STOP = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "can", "could", "do", "does", "for",
    "from", "had", "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it",
    "its", "may", "me", "might", "must", "my", "no", "not", "of", "on", "or", "our", "shall",
    "she", "should", "so", "such", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "to", "under", "upon", "was", "we", "were", "what", "when",
    "where", "which", "who", "whom", "why", "will", "with", "would", "you", "your",
})


def plain_text(markdown: str, drop_labels: bool = False) -> str:
    """The answer as read: Markdown syntax removed (quote marks, bullets, emphasis, links).

    With ``drop_labels``, a bold label opening a line (``**In short:**``) is removed too,
    so that a check anchored at a line start sees the first word of the claim itself.
    """
    lines = []
    for line in markdown.splitlines():
        if drop_labels:
            line = _LABEL.sub("", _LEAD.sub("", line))
        line = _LEAD.sub("", line)
        line = _LINK.sub(r"\1", line)
        line = _EMPHASIS.sub("", line)
        line = _SINGLE_EMPH.sub(r"\1", line)
        lines.append(line.rstrip())
    return "\n".join(lines).strip()


def claim_sentences(markdown: str) -> list[str]:
    """Sentences that state something: headings, bare labels, italic note lines (status
    notes), quote attributions and "Sources:" lines are skipped; a bold label opening a line,
    a trailing italic attribution (`` — *CP-34 — Definition*``) and pin-cites in parentheses
    are removed from what remains."""
    out: list[str] = []
    for raw in markdown.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", "|")) or _ATTRIBUTION.match(line):
            continue
        body = line.lstrip("> ").strip()
        if not body or _is_note(body) or _ATTRIBUTION.match(body) or _BOLD_LINE.match(body):
            continue
        if _SOURCES.match(body):
            continue
        body = _LABEL.sub("", _TRAILING_CITE.sub("", body))
        text = _PIN.sub("", plain_text(body)).strip().strip("“”\"")
        out += [text[a:b].strip() for a, b in sentence_spans(text)]
    # a short sentence ending in a colon is a label such as "In the guide's own words:"
    return [s for s in out if s and not (len(s) < 60 and s.endswith(":"))]


def content_words(text: str) -> set[str]:
    """Lower-case words and numbers without stopwords; '164,301' and '$164301' agree."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text.lower())
    return {w for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text) if w not in _STOP and len(w) > 1}


def _is_note(body: str) -> bool:
    """A whole line in italics: the advisor's status notes and calculator side notes."""
    return (len(body) > 2 and body[0] in "*_" and body[-1] == body[0]
            and not body.startswith("**") and not body.endswith("**"))
