"""Polish sentences from the same facts: Polish plurals (1 / 2–4 / 5+, with 12–14 and 21 in the
"many" form, unlike Lithuanian), Polish dates and the Polish forms of the country's name."""

import pytest

from tests.facts.helpers import reading_text
from tests.facts.test_crossings import change, points
from tests.facts.test_english_sentences import demarcation
from tests.facts.test_timeline import event, representative

COUNTS = [0, 1, 2, 5, 12, 21, 22, 112]
DATES = [
    ({"year": 2006, "month": 3, "day": 10}, "10 marca 2006 r.", "10 marca 2006 r. "),
    ({"year": 1999}, "w 1999 r.", "W 1999 r. "),
    # A month after "w" takes the locative, which no date format gives: its own messages.
    ({"year": 1991, "month": 8}, "w sierpniu 1991 r.", "W sierpniu 1991 r. "),
    ({"year": 2004, "month": 11}, "w listopadzie 2004 r.", "W listopadzie 2004 r. "),
    ({"year": 1993, "end_year": 1994}, "w latach 1993–1994", "W latach 1993–1994 "),
]


def form(count, one, few, many):
    """The Polish plural rule (CLDR one / few / many) written out, independently of the catalogue."""
    if count == 1:
        return one
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return few
    return many


def test_the_rule_itself():
    forms = [form(count, "przejście", "przejścia", "przejść") for count in COUNTS]
    assert forms == ["przejść", "przejście", "przejścia", "przejść", "przejść", "przejść", "przejścia", "przejść"]


class TestCounts:
    @pytest.mark.parametrize("count", COUNTS)
    def test_international_points(self, polish, latvia_pl, count):
        text = reading_text("border_crossings", points(("road", "international", count)), latvia_pl)
        noun = form(
            count,
            "międzynarodowe przejście graniczne",
            "międzynarodowe przejścia graniczne",
            "międzynarodowych przejść granicznych",
        )
        assert f"Przejścia graniczne na granicy Litwy i Łotwy: {count} {noun} w ruchu drogowym." in text

    @pytest.mark.parametrize("count", COUNTS)
    def test_local_points(self, polish, latvia_pl, count):
        text = reading_text("border_crossings", points(("rail", "local", count)), latvia_pl)
        noun = form(count, "punkt kontrolny", "punkty kontrolne", "punktów kontrolnych")
        participle = form(count, "działający", "działające", "działających")
        assert f"{count} {noun} w ruchu kolejowym {participle} w ramach małego ruchu granicznego." in text

    @pytest.mark.parametrize("count", COUNTS)
    def test_planned_points(self, polish, latvia_pl, count):
        text = reading_text("border_crossings", points(planned=[change("open", count, "river")]), latvia_pl)
        noun = form(
            count,
            "międzynarodowe przejście graniczne",
            "międzynarodowe przejścia graniczne",
            "międzynarodowych przejść granicznych",
        )
        assert f"W przyszłości planuje się otworzyć {count} {noun} w ruchu rzecznym." in text

    @pytest.mark.parametrize("count", COUNTS)
    def test_upgraded_points(self, polish, latvia_pl, count):
        text = reading_text("border_crossings", points(planned=[change("upgrade", count, "road")]), latvia_pl)
        if count == 1:
            expected = "nadać status międzynarodowego przejścia granicznego 1 punktowi kontrolnemu"
        else:
            expected = f"nadać status międzynarodowych przejść granicznych {count} punktom kontrolnym"
        assert f"{expected} małego ruchu granicznego w ruchu drogowym." in text

    @pytest.mark.parametrize("count", COUNTS)
    def test_border_marks(self, polish, latvia_pl, count):
        marks = [{"mark_type": "transitional", "count": count}, {"mark_type": "special", "count": count}]
        text = reading_text("demarcation", demarcation(marks=marks, marks_declared_total=count), latvia_pl)
        noun = form(count, "znak", "znaki", "znaków")
        transitional = form(count, "przejściowy", "przejściowe", "przejściowych")
        special = form(count, "specjalny", "specjalne", "specjalnych")
        assert (
            f"Łącznie ustawiono {count} {noun} granicy państwowej, w tym {count} {transitional} i {count} {special}."
            in text
        )

    @pytest.mark.parametrize("count", [1, 2, 5, 12, 21, 22, 112])
    def test_buoys(self, polish, latvia_pl, count):
        text = reading_text("demarcation", demarcation(buoys_count=count, water_stretch_km=str(count)), latvia_pl)
        buoys = form(count, "boja", "boje", "boi")
        kilometres = "kilometra" if count == 1 else "kilometrów"
        assert f"jest oznakowana: {count} {buoys} na odcinku wód granicznych o długości {count} {kilometres}." in text

    @pytest.mark.parametrize(
        "count, words",
        [
            (1, "istnieje jeden euroregion, w którego"),
            (2, "istnieją dwa euroregiony, w których"),
            (5, "istnieje pięć euroregionów, w których"),
            (12, "istnieje 12 euroregionów, w których"),
            (21, "istnieje 21 euroregionów, w których"),
            (22, "istnieją 22 euroregiony, w których"),
        ],
    )
    def test_euroregions(self, polish, latvia_pl, count, words):
        value = {"euroregions": [{"name": "E%d" % number, "member_groups": []} for number in range(count)]}
        text = reading_text("euroregions", value, latvia_pl)
        assert f"Obecnie {words} działalności uczestniczą samorządy Łotwy i Litwy:" in text

    @pytest.mark.parametrize("count", COUNTS)
    @pytest.mark.parametrize(
        "kind, forms",
        [
            ("visit", ("odbyła się %s wizyta", "odbyły się %s wizyty", "odbyło się %s wizyt")),
            ("meeting", ("odbyło się %s spotkanie", "odbyły się %s spotkania", "odbyło się %s spotkań")),
            ("event", ("odbyło się %s wydarzenie", "odbyły się %s wydarzenia", "odbyło się %s wydarzeń")),
            ("seminar", ("odbyło się %s seminarium", "odbyły się %s seminaria", "odbyło się %s seminariów")),
        ],
    )
    def test_outcomes(self, polish, latvia_pl, count, kind, forms):
        value = {
            "items": [
                {
                    "type": "activity",
                    "value": {"text": "Prowadzone są konsultacje.", "outcome_count": count, "outcome_kind": kind},
                }
            ]
        }
        text = reading_text("activities", value, latvia_pl, free_text_language="pl")
        assert f"Prowadzone są konsultacje ({form(count, *forms) % count})." in text


class TestDates:
    @pytest.mark.parametrize("raw, adverbial, _opening", DATES)
    def test_marking_completed(self, polish, latvia_pl, raw, adverbial, _opening):
        text = reading_text("demarcation", demarcation(marking_completed=raw), latvia_pl)
        assert f"{adverbial} zakończono oznakowanie granicy państwowej Litwy i Łotwy." in text

    @pytest.mark.parametrize("raw, adverbial, _opening", DATES)
    def test_treaty_signed(self, polish, latvia_pl, raw, adverbial, _opening):
        text = reading_text("demarcation", demarcation(treaty_signed=raw), latvia_pl)
        assert f"W wykonaniu podpisanej {adverbial} umowy Litwy i Łotwy „" in text

    @pytest.mark.parametrize("raw, _adverbial, opening", DATES)
    def test_final_documents(self, polish, latvia_pl, raw, _adverbial, opening):
        text = reading_text("demarcation", demarcation(final_documents_signed=raw), latvia_pl)
        assert (
            opening + "podpisano końcowe dokumenty demarkacji granicy Republiki Litewskiej i Republiki Łotewskiej."
            in text
        )

    @pytest.mark.parametrize("raw, _adverbial, opening", DATES)
    def test_recognition(self, polish, latvia_pl, raw, _adverbial, opening):
        text = reading_text("timeline", {"items": [event("recognition_de_jure", date=raw)]}, latvia_pl)
        assert opening + "Łotwa uznała niepodległość Litwy de iure." in text

    @pytest.mark.parametrize("raw, _adverbial, opening", DATES)
    def test_representative(self, polish, latvia_pl, raw, _adverbial, opening):
        value = {"items": [representative("lithuania_in_partner", since_restoration=True, period=raw)]}
        text = reading_text("timeline", value, latvia_pl)
        assert (
            opening + "pierwszym przedstawicielem Litwy na Łotwie po odzyskaniu niepodległości był "
            "chargé d'affaires a.i. Alfonsas Augulis." in text
        )

    def test_the_day_in_the_genitive(self, polish, latvia_pl):
        raw = {"year": 1995, "month": 2, "day": 6}
        text = reading_text("timeline", {"items": [event("diplomatic_relations", date=raw)]}, latvia_pl)
        assert "6 lutego 1995 r. nawiązano stosunki dyplomatyczne." in text


class TestCountryForms:
    def test_the_polish_forms(self, latvia_pl):
        assert latvia_pl.forms("pl") == {
            "nominative": "Łotwa",
            "genitive": "Łotwy",
            "instrumental": "Łotwą",
            "locative": "na Łotwie",
            "official": "Republika Łotewska",
            "official_genitive": "Republiki Łotewskiej",
            "gender": "feminine",
        }

    def test_lithuanian_free_text_is_a_whole_lithuanian_sentence(self, polish, latvia_pl):
        """A Polish page's sentence needing the editor's Lithuanian is written whole in Lithuanian, marked."""
        value = {
            "items": [
                {
                    "type": "activity",
                    "value": {"text": "Rengiamos konsultacijos.", "outcome_count": 2, "outcome_kind": "visit"},
                }
            ]
        }
        text = reading_text("activities", value, latvia_pl)
        assert "Rengiamos konsultacijos (įvyko 2 vizitai)." in text
        assert "odbył" not in text
