"""Shared by the fact-check tests: seed values to change, checking a raw value, picking warnings."""

import copy
import datetime

import yaml
from django.conf import settings

from bilateral.facts.blocks import SectionBodyBlock
from bilateral.facts.checks import check_block

TODAY = datetime.date(2025, 6, 1)
SEED_FILE = settings.BASE_DIR / "data" / "seed" / "belarus.yaml"
SEED_MARKS = "Sienos ženklai pagal rūšis: 1246 + 457 + 93 + 2 = 1798, nurodyta iš viso 1955"


def seed_value(block_type):
    """A fresh copy of the seed's raw value of one block type."""
    body = yaml.safe_load(SEED_FILE.read_text(encoding="utf-8"))["sections"][0]["body"]
    return copy.deepcopy(next(block["value"] for block in body if block["type"] == block_type))


def check(block_type, raw_value, today=TODAY):
    block = SectionBodyBlock().child_blocks[block_type]
    return check_block(block_type, block.to_python(raw_value), today=today)


def rules(warnings):
    return [warning.rule for warning in warnings]


def only(warnings, rule):
    return [warning for warning in warnings if warning.rule == rule]


def demarcation(**changes):
    value = seed_value("demarcation")
    value["marks_declared_total"] = 1798  # the seed's own contradiction is tested on its own
    value.update(changes)
    return value


def crossings(**changes):
    value = seed_value("border_crossings")
    value.update(changes)
    return value


def representative(period):
    return {
        "type": "representative",
        "value": {
            "period": period,
            "direction": "lithuania_in_partner",
            "first": True,
            "since_restoration": False,
            "role": "ambassador",
            "name": "A. B.",
        },
    }
