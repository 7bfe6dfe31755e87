"""Crossing points listed by name, as the seed lists its six international points."""

import copy

from tests.facts.test_crossings import SEED


def record(name, kind="road", regime="international", status="open", latitude="54.5", longitude="25.6"):
    return {"name": name, "kind": kind, "regime": regime, "status": status, "latitude": latitude,
            "longitude": longitude, "source_url": ""}


RECORDS = [
    record("Kena", "rail", latitude="54.65", longitude="25.633"),
    record("Stasylos", "rail", latitude=None, longitude=None),
    record("Medininkai", latitude="54.53889", longitude="25.65"),
    record("Šalčininkai", latitude="54.31111", longitude="25.38056"),
    record("Raigardas", latitude=None, longitude=None),
    record("Lavoriškės", latitude="54.7", longitude="25.63333"),
]


def seed_with(records):
    value = copy.deepcopy(SEED)
    value["records"] = records
    return value
