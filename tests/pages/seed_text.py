"""The seed page's text as the fidelity test reads it: content lines, corrections applied."""

import csv
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED_TEXT = FIXTURES / "seed-politinis-bendradarbiavimas.txt"
CORRECTIONS = FIXTURES / "seed-corrections.tsv"
# These two footer lines belong to the subscription form, tested with it.
SUBSCRIPTION_LINES = {"Naujienlaiškio prenumerata", "Captcha"}


def normalise(text):
    return " ".join(text.replace("\u00a0", " ").split())


def read_corrections():
    with CORRECTIONS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def seed_lines():
    lines = []
    for line in SEED_TEXT.read_text(encoding="utf-8").splitlines():
        line = normalise(line.strip().lstrip("•"))
        if line and line not in SUBSCRIPTION_LINES:
            lines.append(line)
    return lines


def corrected_seed_lines():
    text = "\n".join(seed_lines())
    for correction in read_corrections():
        count = text.count(correction["seed text"])
        if count != 1:
            raise AssertionError(f"correction must match the seed once, matched {count}: {correction}")
        text = text.replace(correction["seed text"], correction["our text"])
    return text.split("\n")
