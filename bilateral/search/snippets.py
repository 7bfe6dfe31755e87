"""A result's snippet: the passage around the matched words, HTML-escaped, matches in <mark>."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .folding import fold_with_origins

BEFORE, LENGTH = 60, 240
NEAR = 40  # terms this close count as a phrase
MIN_STEM = 4


def term_pattern(term):
    """A figure matches itself, either decimal separator; a word matches words that start with its
    stem (the last letters dropped), as Lithuanian endings change: "ženklai" – "ženklų"."""
    if term[0].isdigit():
        body = r"[.,]".join(re.escape(part) for part in re.split(r"[.,]", term))
        return rf"(?<![\d.,]){body}(?![\d]|[.,]\d)"
    stem = term if len(term) <= MIN_STEM else term[: max(MIN_STEM, len(term) - 2)]
    return rf"(?<![^\W_]){re.escape(stem)}[^\W_]*"


def match_spans(text, terms):
    """(start, end, term, exact) in the original text for every match of every term."""
    folded, origins = fold_with_origins(text)
    spans = []
    for term in terms:
        for match in re.finditer(term_pattern(term), folded):
            if match.end() > match.start():
                start, end = origins[match.start()], origins[match.end() - 1] + 1
                spans.append((start, end, term, match.group() == term))
    return sorted(spans)


def best_start(spans):
    """The match with the most different terms close by, then in its passage, then matched
    exactly (not by stem); the first such."""
    def score(span):
        near = [other for other in spans if span[0] <= other[0] < span[0] + NEAR]
        passage = {other[2] for other in spans if span[0] <= other[0] < span[0] + LENGTH - BEFORE}
        return len({other[2] for other in near}), len(passage), sum(other[3] for other in near)

    return max(spans, key=score)[0] if spans else 0


def window(text, spans):
    anchor = best_start(spans)
    start = max(0, anchor - BEFORE)
    if start > 0:
        space = text.find(" ", start, anchor)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + LENGTH)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > anchor else end
    return start, end


def highlight(text, spans, start=0, end=None):
    """Escape text[start:end], wrapping each (merged) span in <mark>."""
    end = len(text) if end is None else end
    parts, position = [], start
    for span_start, span_end, *_rest in spans:
        span_start, span_end = max(span_start, position), min(span_end, end)
        if span_end <= span_start:
            continue
        parts.append(escape(text[position:span_start]))
        parts.append("<mark>%s</mark>" % escape(text[span_start:span_end]))
        position = span_end
    parts.append(escape(text[position:end]))
    return "".join(parts)


def snippet(text, terms):
    spans = match_spans(text, terms)
    start, end = window(text, spans)
    html = highlight(text, spans, start, end)
    return mark_safe(("… " if start > 0 else "") + html + (" …" if end < len(text) else ""))


def highlighted(text, terms):
    """A short text (a title) with every match marked."""
    return mark_safe(highlight(text, match_spans(text, terms)))
