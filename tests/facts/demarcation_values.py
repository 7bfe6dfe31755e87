"""The seed's demarcation, as the block's value, and ways to vary it for the demarcation tests."""

LAKES = ["Dubo", "Grūdos", "Drūkšių", "Apvardų", "Prūto", "Gilutės", "Raukėtos", "Tverečiaus"]
PONDS = ["Purvėnų", "Jurgionių", "Tausiūnų"]


SEED = {
    "heading": "",
    "treaty_title": "Dėl Lietuvos ir Baltarusijos valstybių sienos",
    "treaty_signed": {"year": 1995, "month": 2, "day": 6},
    "marking_completed": {"year": 2006, "month": 3, "day": 10},
    "last_mark_kind": "buoy",
    "last_mark_water_body": "Gilutės",
    "last_mark_water_body_kind": "lake",
    "marking_note": "Lietuva jau anksčiau buvo užbaigusi fizinį valstybės sienos žymėjimą.",
    "total_length_km": "678.819",
    "land_length_km": "380",
    "water_length_km": "299",
    "marks_declared_total": 1955,
    "marks": [
        {"mark_type": "land", "count": 1246},
        {"mark_type": "watercourses", "count": 457},
        {"mark_type": "transitional", "count": 93},
        {"mark_type": "special", "count": 2},
    ],
    "buoys_count": 71,
    "water_stretch_km": "32",
    "lakes": LAKES,
    "ponds": PONDS,
    "funding_note": "Lietuvos atliekami demarkavimo darbai buvo finansuojami valstybės biudžeto lėšomis, "
    "didžioji dalis Baltarusijos atliekamų darbų – ES lėšomis.",
    "final_documents_signed": {"year": 2007, "month": 2, "day": 2},
    "final_documents_note": "Tai pirmoji baigta demarkuoti rytinė išorinė ES siena.",
}


def with_(**changes):
    return dict(SEED, **changes)


def names(prefix, count):
    return ["%s%d" % (prefix, number) for number in range(1, count + 1)]


# Lakes with their nominatives as English Wikipedia's "Belarus–Lithuania border" gives them (the seed's
# source for these three): a sentence naming only these can be written in English or Polish.
WIKIPEDIA = "https://wikizero.net/wiki/en/Belarus%E2%80%93Lithuania_border"
NAMED_LAKES = [
    {"genitive": "Drūkšių", "nominative": "Drūkšiai", "source_url": WIKIPEDIA},
    {"genitive": "Apvardų", "nominative": "Apvardai", "source_url": WIKIPEDIA},
    {"genitive": "Prūto", "nominative": "Prūtas", "source_url": WIKIPEDIA},
]
NOMINATIVES = ["Drūkšiai", "Apvardai", "Prūtas"]


def with_nominatives(**changes):
    """The seed's demarcation naming only lakes whose nominatives are known, the last mark in Prūtas."""
    return with_(
        **{
            "lakes": NAMED_LAKES,
            "ponds": [],
            "last_mark_water_body": "Prūto",
            "last_mark_water_body_nominative": "Prūtas",
            "last_mark_water_body_source_url": WIKIPEDIA,
            **changes,
        }
    )
