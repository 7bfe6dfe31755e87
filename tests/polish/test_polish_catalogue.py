"""The Polish catalogue: complete, with Django's own four-form plural rule, and its forms right."""

import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import ngettext

import django

SOURCE = Path(settings.BASE_DIR) / "locale" / "pl" / "LC_MESSAGES" / "django.po"
DJANGO_PL = Path(django.__file__).parent / "conf" / "locale" / "pl" / "LC_MESSAGES" / "django.po"


def test_the_catalogue_has_djangos_plural_rule():
    assert polib.pofile(str(SOURCE)).metadata["Plural-Forms"] == polib.pofile(str(DJANGO_PL)).metadata["Plural-Forms"]


def test_msgfmt_counts_nothing_untranslated_nor_fuzzy(tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "django.mo"), str(SOURCE)],
        capture_output=True,
        text=True,
        env={"LC_ALL": "C"},
    )
    assert result.returncode == 0, result.stderr
    statistics = result.stderr.strip().splitlines()[-1]
    assert "translated messages." in statistics
    assert "untranslated" not in statistics and "fuzzy" not in statistics


def test_every_plural_has_its_four_forms():
    po = polib.pofile(str(SOURCE))
    incomplete = [
        entry.msgid for entry in po if entry.msgid_plural and not all(entry.msgstr_plural.get(n) for n in range(4))
    ]
    assert incomplete == []


def test_the_catalogue_has_every_message_the_lithuanian_one_has():
    lithuanian = polib.pofile(str(SOURCE.parents[2] / "lt" / "LC_MESSAGES" / "django.po"))
    polish = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(SOURCE))}
    assert [entry.msgid for entry in lithuanian if (entry.msgctxt, entry.msgid) not in polish] == []


@pytest.mark.parametrize(
    "count, form",
    [
        (0, "odbyło się 0 wizyt"),
        (1, "odbyła się 1 wizyta"),
        (2, "odbyły się 2 wizyty"),
        (4, "odbyły się 4 wizyty"),
        (5, "odbyło się 5 wizyt"),
        (12, "odbyło się 12 wizyt"),
        (14, "odbyło się 14 wizyt"),
        (21, "odbyło się 21 wizyt"),
        (22, "odbyły się 22 wizyty"),
        (112, "odbyło się 112 wizyt"),
        (104, "odbyły się 104 wizyty"),
    ],
)
def test_polish_plural_forms_follow_the_grammar(count, form):
    with translation.override("pl"):
        text = ngettext("%(count)s visit took place", "%(count)s visits took place", count) % {"count": count}
    assert text == form
