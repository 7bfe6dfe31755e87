"""CSV cells that a spreadsheet will not run as formulas (OWASP's CSV-injection rule).

A cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by Excel,
LibreOffice and Google Sheets, so a heading such as `=HYPERLINK("http://evil.example","x")` would
become a live link in the reader's spreadsheet. Such a cell gets a leading apostrophe, which the
spreadsheets show as text. A plain number (`-12`, `+3.5`) is left as it is, so that numeric columns
still come out as numbers.
"""

import csv
import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?")


def neutralised(cell):
    text = "" if cell is None else str(cell)
    if text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


class SafeWriter:
    """csv.writer whose rows are neutralised cell by cell."""

    def __init__(self, buffer, **options):
        self._writer = csv.writer(buffer, **options)

    def writerow(self, row):
        return self._writer.writerow([neutralised(cell) for cell in row])
