"""The few SVG pieces every picture is made of, as escaped strings (string building is what keeps a
picture cheap: a page render draws them all)."""

import functools
from html import escape  # the standard library's: Django's (lazy-aware) costs several times more per call

from django.utils.safestring import mark_safe

INK = "#0b0c0c"
PAPER = "#ffffff"
GREY = "#d9d9d9"
DARK = "#1d3f8a"  # dark blue: against white it reads in greyscale and to every colour-blindness
LIGHT = "#f3a25b"  # light orange: far lighter than DARK, so the pair stays apart in greyscale


def attributes(values):
    return "".join([' %s="%s"' % (attribute_name(name), escape(str(value))) for name, value in values.items()
                    if value is not None])


@functools.cache
def attribute_name(keyword):
    """stroke_width → stroke-width: the few names the pictures use, spelt out once per process."""
    return keyword.replace("_", "-")


def element(tag, content="", **values):
    return "<%s%s>%s</%s>" % (tag, attributes(values), content, tag)


def empty(tag, **values):
    return "<%s%s/>" % (tag, attributes(values))


def text(x, y, words, **values):
    return '<text x="%.1f" y="%.1f"%s>%s</text>' % (x, y, attributes(values), escape(str(words)))


def hatch_pattern(pattern_id, colour=INK, spacing=6, angle=45):
    """Diagonal lines: tells an area apart without colour."""
    return hatch_template(colour, spacing, angle) % escape(pattern_id)


@functools.cache
def hatch_template(colour, spacing, angle):
    """A hatch pattern of this look, with a placeholder for its id: written out once per process."""
    line = empty("line", x1="0", y1="0", x2="0", y2=str(spacing), stroke=colour, stroke_width="1.5")
    return element(
        "pattern", line, id="%s", width=str(spacing), height=str(spacing),
        patternUnits="userSpaceOnUse", patternTransform="rotate(%d)" % angle,
    )


def dot_pattern(pattern_id, colour=INK, spacing=5):
    return dot_template(colour, spacing) % escape(pattern_id)


@functools.cache
def dot_template(colour, spacing):
    dot = empty("circle", cx="1.5", cy="1.5", r="1", fill=colour)
    return element("pattern", dot, id="%s", width=str(spacing), height=str(spacing), patternUnits="userSpaceOnUse")


# The picture's frame and its naming elements, written out once: filled in with escaped text.
FRAME = element("svg", "%s", xmlns="http://www.w3.org/2000/svg", viewBox="0 0 %d %d", role="img",
                aria_labelledby="%s-title %s-desc", focusable="false", **{"class": "picture__svg"})
NAMING = element("title", "%s", id="%s-title") + element("desc", "%s", id="%s-desc")


def svg(picture_id, width, height, title, description, body, defs=""):
    """The picture as an image with its title and description, named by aria-labelledby."""
    ident = escape(picture_id)
    head = NAMING % (ident, escape(str(title)), ident, escape(str(description)))
    if defs:
        head += "<defs>%s</defs>" % defs
    return mark_safe(FRAME % (width, round(height), ident, ident, head + body))


def picture_id(context_id, name):
    """Ids unique on a page: the block's own id where the page gives it."""
    return "picture-%s-%s" % (name, (context_id or "block")[:8])
