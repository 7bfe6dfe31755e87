"""Paragraphs read into a section body: each block's parser (beside its generator, in
bilateral/facts/blocks) tries the paragraphs in turn; what none recognises is kept as prose."""

import datetime
import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from bilateral.facts.blocks import (
    SectionBodyBlock,
    activities,
    crossings_parse,
    demarcation_parse,
    euroregions,
    timeline,
)
from bilateral.facts.blocks.parsing import Paragraph

BLOCK_PARSERS = [
    ("timeline", timeline.parse),
    ("border_crossings", crossings_parse.parse),
    ("demarcation", demarcation_parse.parse),
    ("euroregions", euroregions.parse),
    ("activities", activities.parse),
]
# A line that is short and does not end as a sentence ends is a heading in a plain-text page.
HEADING_LENGTH = 120
# For the report: a sentence ends after a word (not an abbreviation such as "m.", "d.", "plk.lt." or an
# initial) and before a capital.
SENTENCE_END = re.compile(r"(?<=[a-ząčęėįšųūž]{3}[.!?])\s+(?=[A-ZĄČĘĖĮŠŲŪŽ„])")
PROSE = "prose"


@dataclass
class ReportLine:
    """One sentence of the page and what it became."""

    text: str
    outcome: str
    structured: bool


@dataclass
class Structured:
    """The page read: its title and dates if it gave them, the body's blocks, the report."""

    title: str = ""
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
    body: list = field(default_factory=list)
    report: list = field(default_factory=list)

    def add_report(self, paragraph, outcome, structured):
        for sentence in SENTENCE_END.split(paragraph.text):
            self.report.append(ReportLine(sentence, outcome, structured))


def block_label(block_type):
    return str(SectionBodyBlock.base_blocks[block_type].meta.label)


def default_heading(block_type):
    heading = SectionBodyBlock.base_blocks[block_type].default_heading
    return str(heading) if heading else None


def looks_like_heading(paragraph):
    if paragraph.kind == Paragraph.HEADING:
        return True
    return (
        paragraph.kind == Paragraph.TEXT
        and len(paragraph.text) <= HEADING_LENGTH
        and not paragraph.text.endswith((".", ":", ";", "!", "?", ","))
    )


def parse_stamp(text):
    """'Sukurta 2014.05.09 / Atnaujinta 2020.03.30 14:11', as the old site and ours write a page's dates."""
    created = re.escape(_("Created"))
    updated = re.escape(_("Updated"))
    date = r"(\d{4})[.-](\d{2})[.-](\d{2})"
    match = re.fullmatch(rf"{created}\s+{date}(?:\s*/\s*{updated}\s+{date}(?:\s+(\d{{1,2}}):(\d{{2}}))?)?", text)
    if not match:
        return None
    numbers = [int(group) if group else None for group in match.groups()]
    zone = timezone.get_current_timezone()
    created_at = datetime.datetime(*numbers[:3], 9, 0, tzinfo=zone)
    updated_at = None
    if numbers[3]:
        updated_at = datetime.datetime(*numbers[3:6], numbers[6] or 0, numbers[7] or 0, tzinfo=zone)
    return created_at, updated_at


def try_blocks(paragraphs, country, after_heading):
    for block_type, parse in BLOCK_PARSERS:
        result = parse(paragraphs, country, after_heading=after_heading)
        if result:
            return block_type, result[0], result[1]
    return None


def prose_html(paragraph):
    if paragraph.kind == Paragraph.HEADING or looks_like_heading(paragraph):
        return "<h2>%s</h2>" % escape(paragraph.text)
    if paragraph.kind == Paragraph.ITEM:
        return "<ul><li>%s</li></ul>" % escape(paragraph.text)
    return "<p>%s</p>" % escape(paragraph.text)


class Reader:
    def __init__(self, paragraphs, country, title=""):
        self.paragraphs = paragraphs
        self.country = country
        self.result = Structured(title=title)
        self.position = 0

    def read(self):
        self.read_title_and_stamp()
        while self.position < len(self.paragraphs):
            if not self.read_block():
                self.keep_as_prose(self.paragraphs[self.position])
                self.position += 1
        return self.result

    def read_title_and_stamp(self):
        first = self.paragraphs[0]
        if looks_like_heading(first) and not try_blocks(self.paragraphs, self.country, False):
            if not self.result.title:
                self.result.title = first.text
            self.result.add_report(first, _("the page's title"), True)
            self.position = 1
        if self.position < len(self.paragraphs):
            stamp = parse_stamp(self.paragraphs[self.position].text)
            if stamp:
                self.result.created_at, self.result.updated_at = stamp
                self.result.add_report(self.paragraphs[self.position], _("the page's dates (created, updated)"), True)
                self.position += 1

    def read_block(self):
        paragraph = self.paragraphs[self.position]
        heading = None
        if looks_like_heading(paragraph):
            found = try_blocks(self.paragraphs[self.position + 1 :], self.country, True)
            heading = paragraph
        else:
            found = try_blocks(self.paragraphs[self.position :], self.country, False)
        if not found:
            return False
        block_type, value, used = found
        label = block_label(block_type)
        if heading is not None:
            value["heading"] = "" if heading.text == default_heading(block_type) else heading.text
            self.result.add_report(heading, _("heading of the block “%(block)s”") % {"block": label}, True)
            self.position += 1
        for read in self.paragraphs[self.position : self.position + used]:
            self.result.add_report(read, _("block “%(block)s”") % {"block": label}, True)
        self.position += used
        self.result.body.append({"type": block_type, "value": value})
        return True

    def keep_as_prose(self, paragraph):
        body = self.result.body
        if body and body[-1]["type"] == PROSE and body[-1].get("imported"):
            body[-1]["value"] += prose_html(paragraph)
        else:
            body.append({"type": PROSE, "value": prose_html(paragraph), "imported": True})
        self.result.add_report(paragraph, pgettext("import report", "imported, not structured"), False)


def structure(paragraphs, country, title=""):
    """The paragraphs read into blocks. `country` is the partner's name forms in the active language."""
    result = Reader(paragraphs, country, title).read()
    for block in result.body:
        block.pop("imported", None)
    return result
