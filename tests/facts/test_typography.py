"""Lithuanian typography and style in the generated sentences, for any partner country (Latvia here):
a dash without spaces between the two countries' names, a space after an initial, "taip pat"."""

import pytest

from bilateral.facts.grammar import spaced_initials

from .helpers import block_text
from .test_activities import activity
from .test_crossings import change, points
from .test_demarcation import SEED as DEMARCATION
from .test_timeline import representative

LATVIAN_DEMARCATION = dict(
    DEMARCATION, treaty_title="Dėl Lietuvos ir Latvijos valstybių sienos", lakes=[], ponds=[], last_mark_kind=""
)


def accreditation(name, direction="lithuania_in_partner", rank="plk."):
    return {
        "type": "accreditation",
        "value": {
            "date": {"year": 2011},
            "direction": direction,
            "position": "gynybos atašė",
            "rank": rank,
            "name": name,
        },
    }


class TestDashBetweenNames:
    def test_treaty_of_the_two_countries(self, lithuanian, latvia):
        text = block_text("demarcation", LATVIAN_DEMARCATION, latvia)
        assert "pasirašytą Lietuvos–Latvijos sutartį „Dėl Lietuvos ir Latvijos valstybių sienos“" in text

    def test_official_names_of_the_two_countries(self, lithuanian, latvia):
        text = block_text("demarcation", LATVIAN_DEMARCATION, latvia)
        assert "pasirašyti baigiamieji Lietuvos Respublikos–Latvijos Respublikos sienos demarkavimo dokumentai" in text

    def test_never_a_spaced_hyphen(self, lithuanian, latvia):
        text = block_text("demarcation", LATVIAN_DEMARCATION, latvia)
        assert " - " not in text
        assert "Lietuvos -" not in text and "Respublikos -" not in text


class TestTaipPat:
    @pytest.mark.parametrize("changes", [2, 3])
    def test_changes_joined_with_taip_pat(self, lithuanian, latvia, changes):
        planned = [change("open", number, "road") for number in range(1, changes + 1)]
        text = block_text("border_crossings", points(("road", "international", 4), planned=planned), latvia)
        assert text.count(", taip pat atidaryti") == changes - 1
        assert "o taip pat" not in text


class TestInitials:
    @pytest.mark.parametrize(
        "name, expected",
        [
            ("A.Danėnas", "A. Danėnas"),
            ("S.Griščenko", "S. Griščenko"),
            ("J.R.Ozols", "J. R. Ozols"),
            ("Ž.Šimkūnas", "Ž. Šimkūnas"),
            ("A. Bērziņš", "A. Bērziņš"),
            ("Alfonsas Augulis", "Alfonsas Augulis"),
            ("Vladimir Sčastnyj", "Vladimir Sčastnyj"),
            ("  K.Kalniņš ", "K. Kalniņš"),
            ("", ""),
        ],
    )
    def test_a_space_after_an_initial(self, name, expected):
        assert spaced_initials(name) == expected

    @pytest.mark.parametrize("text", ["plk.lt.", "angl.", "Jr.", "3.Kowalski"])
    def test_abbreviations_that_are_not_initials_are_left_alone(self, text):
        assert spaced_initials(text) == text

    def test_accreditation_in_latvia(self, lithuanian, latvia):
        value = {"items": [accreditation("A.Bērziņš"), accreditation("J.Ozols", "partner_in_lithuania", "plk.lt.")]}
        text = block_text("activities", value, latvia)
        assert "2011 m. akredituotas Lietuvos Respublikos gynybos atašė Latvijoje plk. A. Bērziņš." in text
        assert "2011 m. akredituotas Latvijos Respublikos gynybos atašė Lietuvoje plk.lt. J. Ozols." in text
        assert "A.Bērziņš" not in text and "J.Ozols" not in text

    def test_representative_in_latvia(self, lithuanian, latvia):
        value = {"heading": "", "items": [representative(name="R.Jonaitis"), representative("partner_in_lithuania", since_restoration=False, name="M.Ozols")]}
        text = block_text("timeline", value, latvia)
        assert "pirmasis Lietuvos atstovas Latvijoje po nepriklausomybės atkūrimo buvo laikinasis reikalų " \
            "patikėtinis R. Jonaitis." in text
        assert "pirmasis Latvijos atstovas Lietuvoje buvo laikinasis reikalų patikėtinis M. Ozols." in text

    def test_an_activity_text_is_the_editors_own(self, lithuanian, latvia):
        """Only names are normalised: prose keeps what the editor wrote."""
        text = block_text("activities", activity("Rengiamos konsultacijos (angl.CPE)."), latvia)
        assert "(angl.CPE)." in text
