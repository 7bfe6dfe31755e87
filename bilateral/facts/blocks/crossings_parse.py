"""Reading the border crossings' paragraph back: the inverse of existing_sentence and planned_sentence."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from . import parsing
from .crossings import INTERNATIONAL, LOCAL, OPEN, RAIL, RIVER, ROAD, UPGRADE


def kind_labels():
    return {
        ROAD: pgettext("crossing kind as attribute (genitive plural)", "road"),
        RAIL: pgettext("crossing kind as attribute (genitive plural)", "rail"),
        RIVER: pgettext("crossing kind as attribute (genitive plural)", "river"),
    }


def kind_pattern():
    return parsing.choice_pattern(kind_labels().values())


def parse_breakdown(text, regime):
    """'2 geležinkelių, 4 autokelių' → the points by kind."""
    points = []
    for part in text.split(", "):
        match = re.fullmatch(rf"({parsing.number_pattern()}) ({kind_pattern()})", part)
        if not match:
            return None
        kind = parsing.choice_of(kind_labels(), match[2])
        points.append({"kind": kind, "regime": regime, "count": parsing.parse_number(match[1])})
    return points


PHRASES = {
    INTERNATIONAL: (
        (
            "%(count)s international %(kind)s border crossing point",
            "%(count)s international %(kind)s border crossing points",
        ),
        (
            "%(count)s international border crossing point (%(breakdown)s)",
            "%(count)s international border crossing points (%(breakdown)s)",
        ),
    ),
    LOCAL: (
        (
            "%(count)s %(kind)s checkpoint operating under the local border traffic regime",
            "%(count)s %(kind)s checkpoints operating under the local border traffic regime",
        ),
        (
            "%(count)s checkpoint operating under the local border traffic regime (%(breakdown)s)",
            "%(count)s checkpoints operating under the local border traffic regime (%(breakdown)s)",
        ),
    ),
}


def parse_regime_phrase(text, regime):
    """One regime's phrase: (the points by kind, the stated total), or None."""
    single, several = PHRASES[regime]
    groups = {"count": parsing.number_pattern(), "kind": kind_pattern(), "breakdown": ".+"}
    match = parsing.match_any(parsing.plural_forms(*single), text, **groups)
    if match:
        count = parsing.parse_number(match["count"])
        kind = parsing.choice_of(kind_labels(), match["kind"])
        return [{"kind": kind, "regime": regime, "count": count}], count
    match = parsing.match_any(parsing.plural_forms(*several), text, **groups)
    if match:
        points = parse_breakdown(match["breakdown"], regime)
        if points and len(points) > 1:
            return points, parsing.parse_number(match["count"])
    return None


def parse_points(text):
    """The joined regime phrases: {"points", "international_total", "local_total"}, or None."""
    conjunction = _("and")
    candidates = [(text, None)]
    pieces = text.split(f" {conjunction} ")
    for index in range(1, len(pieces)):
        candidates.append((f" {conjunction} ".join(pieces[:index]), f" {conjunction} ".join(pieces[index:])))
    for first, second in candidates:
        if second is None:
            for regime in (INTERNATIONAL, LOCAL):
                read = parse_regime_phrase(first, regime)
                if read:
                    return regime_fields({regime: read})
            continue
        international, local = parse_regime_phrase(first, INTERNATIONAL), parse_regime_phrase(second, LOCAL)
        if international and local:
            return regime_fields({INTERNATIONAL: international, LOCAL: local})
    return None


def regime_fields(read):
    points = [point for regime in (INTERNATIONAL, LOCAL) for point in read.get(regime, ([], None))[0]]
    return {
        "points": points,
        "international_total": read[INTERNATIONAL][1] if INTERNATIONAL in read else None,
        "local_total": read[LOCAL][1] if LOCAL in read else None,
    }


CHANGES = (
    (
        UPGRADE,
        LOCAL,
        "to give %(count)s %(kind)s local border traffic checkpoint%(condition)s the status of an international checkpoint",
        "to give %(count)s %(kind)s local border traffic checkpoints%(condition)s the status of international checkpoints",
    ),
    (
        OPEN,
        LOCAL,
        "to open%(condition)s %(count)s %(kind)s local border traffic checkpoint",
        "to open%(condition)s %(count)s %(kind)s local border traffic checkpoints",
    ),
    (
        OPEN,
        INTERNATIONAL,
        "to open%(condition)s %(count)s international %(kind)s border checkpoint",
        "to open%(condition)s %(count)s international %(kind)s border checkpoints",
    ),
)


def condition_pattern():
    """The optional condition clause (", įrengus infrastruktūrą,"), its text as the group "condition_text"."""
    clause = _(", %(condition)s,").replace("%(condition)s", "%(condition_text)s")
    return "(?:%s)?" % parsing.template_regex(clause, condition_text=".+?")


def parse_change(text):
    groups = {"count": parsing.number_pattern(), "kind": kind_pattern(), "condition": condition_pattern()}
    for action, regime, singular, plural in CHANGES:
        match = parsing.match_any(parsing.plural_forms(singular, plural), text, **groups)
        if match:
            return {
                "action": action,
                "count": parsing.parse_number(match["count"]),
                "kind": parsing.choice_of(kind_labels(), match["kind"]),
                "regime": INTERNATIONAL if action == UPGRADE else regime,
                "condition": match["condition_text"] or "",
            }
    return None


def parse_changes(text):
    """The planned changes joined by ", and also ", each read whole; None if one is not read."""
    changes = [parse_change(piece) for piece in re.split(parsing.escape_literal(_(", and also ")), text)]
    return changes if all(changes) else None


def parse_planned_sentence(text):
    match = parsing.match_template(_("In the future it is planned %(changes)s."), text, changes=".+")
    return parse_changes(match["changes"]) if match else None


def existing_pattern(country):
    return parsing.template_regex(
        _("Between Lithuania and %(country)s there operate %(points)s."),
        country=re.escape(country.get("genitive", "")),
        points=".+?",
    )


def parse(paragraphs, country, **context):
    """The block read from the first paragraph: (value, 1), or None."""
    if not paragraphs:
        return None
    match, rest = parsing.sentence_prefix(existing_pattern(country), paragraphs[0].text)
    if not match:
        return None
    fields = parse_points(match["points"])
    if fields is None:
        return None
    planned = []
    if rest:
        planned = parse_planned_sentence(rest)
        if planned is None:
            return None
    value = {"heading": "", **fields, "planned": planned, "records": [], "sources": []}
    return value, 1
