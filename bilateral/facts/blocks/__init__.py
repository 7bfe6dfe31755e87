"""Fact blocks: one module per family of facts on a section page."""

from wagtail import blocks

from .activities import ActivitiesBlock
from .crossings import BorderCrossingsBlock
from .demarcation import DemarcationBlock
from .euroregions import EuroregionsBlock
from .prose import ProseBlock
from .timeline import DiplomaticTimelineBlock


class SectionBodyBlock(blocks.StreamBlock):
    """The body of a section page: typed fact blocks in the order the editor puts them."""

    timeline = DiplomaticTimelineBlock()
    border_crossings = BorderCrossingsBlock()
    demarcation = DemarcationBlock()
    euroregions = EuroregionsBlock()
    activities = ActivitiesBlock()
    prose = ProseBlock()
