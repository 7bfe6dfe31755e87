"""Demo content for load tests and benchmarks: partner countries and many section pages of varied facts.

The facts are built from the seed's blocks (data/seed/belarus.yaml) with names, figures, dates and
words drawn from Lithuanian word lists by a seeded random generator, so two runs make the same pages
and search has real, varied words to find. Pages are created and published through Wagtail (each has
a revision and is in the search index), one transaction per country. They are Lithuanian pages only,
not translated of their own accord as an editor's are (translations_made_here): a volume of the site's
language, as it was before pages were translated on publication, so benchmarks stay comparable.
"""

import copy
import datetime
import random
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from bilateral.facts.models import Country

from bilateral.pages.models import CountryIndexPage, CountryPage, SectionPage
from bilateral.pages.seed import COUNTRY_INDEX, SEED_DIR, ensure_countries, ensure_home, ensure_locales, read_yaml, stored_form
from bilateral.pages.translations import translations_made_here

# Every demo page lives under a country whose page slug starts with this: --reset removes only these.
DEMO_SLUG_PREFIX = "demo-"
SECTIONS_PER_COUNTRY = 50

# Partner countries with the name forms the sentences need (nominative, genitive, locative, official genitive).
COUNTRIES = [
    ("EE", "Estija", "Estijos", "Estijoje", "Estijos Respublikos", "Estonia"),
    ("FI", "Suomija", "Suomijos", "Suomijoje", "Suomijos Respublikos", "Finland"),
    ("SE", "Švedija", "Švedijos", "Švedijoje", "Švedijos Karalystės", "Sweden"),
    ("NO", "Norvegija", "Norvegijos", "Norvegijoje", "Norvegijos Karalystės", "Norway"),
    ("DK", "Danija", "Danijos", "Danijoje", "Danijos Karalystės", "Denmark"),
    ("DE", "Vokietija", "Vokietijos", "Vokietijoje", "Vokietijos Federacinės Respublikos", "Germany"),
    ("FR", "Prancūzija", "Prancūzijos", "Prancūzijoje", "Prancūzijos Respublikos", "France"),
    ("IT", "Italija", "Italijos", "Italijoje", "Italijos Respublikos", "Italy"),
    ("ES", "Ispanija", "Ispanijos", "Ispanijoje", "Ispanijos Karalystės", "Spain"),
    ("PT", "Portugalija", "Portugalijos", "Portugalijoje", "Portugalijos Respublikos", "Portugal"),
    ("NL", "Nyderlandai", "Nyderlandų", "Nyderlanduose", "Nyderlandų Karalystės", "Netherlands"),
    ("BE", "Belgija", "Belgijos", "Belgijoje", "Belgijos Karalystės", "Belgium"),
    ("AT", "Austrija", "Austrijos", "Austrijoje", "Austrijos Respublikos", "Austria"),
    ("CZ", "Čekija", "Čekijos", "Čekijoje", "Čekijos Respublikos", "Czechia"),
    ("SK", "Slovakija", "Slovakijos", "Slovakijoje", "Slovakijos Respublikos", "Slovakia"),
    ("HU", "Vengrija", "Vengrijos", "Vengrijoje", "Vengrijos", "Hungary"),
    ("RO", "Rumunija", "Rumunijos", "Rumunijoje", "Rumunijos", "Romania"),
    ("BG", "Bulgarija", "Bulgarijos", "Bulgarijoje", "Bulgarijos Respublikos", "Bulgaria"),
    ("GR", "Graikija", "Graikijos", "Graikijoje", "Graikijos Respublikos", "Greece"),
    ("HR", "Kroatija", "Kroatijos", "Kroatijoje", "Kroatijos Respublikos", "Croatia"),
    ("SI", "Slovėnija", "Slovėnijos", "Slovėnijoje", "Slovėnijos Respublikos", "Slovenia"),
    ("IE", "Airija", "Airijos", "Airijoje", "Airijos", "Ireland"),
    ("GB", "Jungtinė Karalystė", "Jungtinės Karalystės", "Jungtinėje Karalystėje", "Jungtinės Karalystės", "United Kingdom"),
    ("UA", "Ukraina", "Ukrainos", "Ukrainoje", "Ukrainos", "Ukraine"),
    ("MD", "Moldova", "Moldovos", "Moldovoje", "Moldovos Respublikos", "Moldova"),
    ("GE", "Sakartvelas", "Sakartvelo", "Sakartvele", "Sakartvelo", "Georgia"),
    ("AM", "Armėnija", "Armėnijos", "Armėnijoje", "Armėnijos Respublikos", "Armenia"),
    ("AZ", "Azerbaidžanas", "Azerbaidžano", "Azerbaidžane", "Azerbaidžano Respublikos", "Azerbaijan"),
    ("KZ", "Kazachstanas", "Kazachstano", "Kazachstane", "Kazachstano Respublikos", "Kazakhstan"),
    ("US", "Jungtinės Amerikos Valstijos", "Jungtinių Amerikos Valstijų", "Jungtinėse Amerikos Valstijose",
     "Jungtinių Amerikos Valstijų", "United States"),
    ("CA", "Kanada", "Kanados", "Kanadoje", "Kanados", "Canada"),
    ("JP", "Japonija", "Japonijos", "Japonijoje", "Japonijos", "Japan"),
    ("CN", "Kinija", "Kinijos", "Kinijoje", "Kinijos Liaudies Respublikos", "China"),
    ("IN", "Indija", "Indijos", "Indijoje", "Indijos Respublikos", "India"),
    ("IL", "Izraelis", "Izraelio", "Izraelyje", "Izraelio Valstybės", "Israel"),
    ("TR", "Turkija", "Turkijos", "Turkijoje", "Turkijos Respublikos", "Türkiye"),
    ("AU", "Australija", "Australijos", "Australijoje", "Australijos Sandraugos", "Australia"),
    ("BR", "Brazilija", "Brazilijos", "Brazilijoje", "Brazilijos Federacinės Respublikos", "Brazil"),
    ("MX", "Meksika", "Meksikos", "Meksikoje", "Meksikos Jungtinių Valstijų", "Mexico"),
    ("KR", "Korėja", "Korėjos", "Korėjoje", "Korėjos Respublikos", "South Korea"),
]

TOPICS = [
    "Politinis bendradarbiavimas", "Ekonominis bendradarbiavimas", "Kultūrinis bendradarbiavimas",
    "Gynybos bendradarbiavimas", "Pasienio bendradarbiavimas", "Energetikos projektai", "Transporto ryšiai",
    "Švietimas ir mokslas", "Sutartys ir susitarimai", "Konsulinė pagalba",
]
SUBTOPICS = [
    "apžvalga", "istorija", "vizitai", "ministerijų konsultacijos", "parlamentų ryšiai", "savivaldybių partnerystė",
    "regioninė plėtra", "jaunimo mainai", "aplinkosauga", "inovacijos",
]
FIRST_INITIALS = list("ABDEGJKLMPRSTVŽ")
SURNAMES = [
    "Kazlauskas", "Jankauskas", "Petrauskas", "Stankevičius", "Vasiliauskas", "Žukauskas", "Butkus", "Paulauskas",
    "Urbonas", "Kavaliauskas", "Navickas", "Ramanauskas", "Savickas", "Rimkus", "Baranauskas", "Girdauskas",
    "Šimkus", "Adomaitis", "Mockus", "Sakalauskas", "Vaitkus", "Žemaitis", "Budrys", "Lukšys", "Daukantas",
    "Valančius", "Griškevičius", "Karosas", "Mažeika", "Čepulis", "Jurgaitis", "Dambrauskas", "Ališauskas",
]
FOREIGN_NAMES = [
    "Mart Laar", "Anna Lindqvist", "Jens Hansen", "Klaus Becker", "Marie Dubois", "Paolo Rossi", "Ana García",
    "João Silva", "Pieter de Vries", "Jan Novák", "István Kovács", "Ion Popescu", "Nikos Papadopoulos",
    "Seán Murphy", "John Smith", "Olena Kovalenko", "Giorgi Beridze", "Aigerim Nurlanova", "Yuki Tanaka",
    "Li Wei", "Ravi Sharma", "David Levi", "Mehmet Yılmaz", "Lucas Oliveira", "Min-jun Kim",
]
LAKES = [
    "Dubo", "Grūdos", "Drūkšių", "Apvardų", "Prūto", "Gilutės", "Raukėtos", "Tverečiaus", "Dusios", "Platelių",
    "Sartų", "Asvejos", "Vištyčio", "Galvės", "Metelių", "Luodžio", "Rėkyvos", "Zarasų", "Baluošo", "Aisetos",
]
PONDS = ["Purvėnų", "Jurgionių", "Tausiūnų", "Mūšos", "Kairių", "Veisiejų", "Lankesos"]
EUROREGIONS = [
    "Nemunas", "Ežerų kraštas", "Baltija", "Saulė", "Šešupė", "Pajūris", "Dauguva", "Nerija", "Vilija", "Žiemgala",
]
MEMBERS = [
    "Alytaus apskritis", "Marijampolės apskritis", "Utenos rajono savivaldybė", "Zarasų rajono savivaldybė",
    "Klaipėdos miesto savivaldybė", "Šiaulių apskritis", "Tauragės apskritis", "Telšių apskritis",
    "Panevėžio rajono savivaldybė", "Visagino savivaldybė", "Druskininkų savivaldybė", "Neringos savivaldybė",
]
ACTIVITY_VERBS = [
    "Rengiamos konsultacijos", "Organizuojami pažintiniai vizitai", "Keičiamasi informacija",
    "Rengiami apskritieji stalai", "Vykdomi bendri projektai", "Organizuojami mokymai", "Rengiami seminarai",
    "Plėtojamas bendradarbiavimas", "Pasirašomi ketinimų protokolai", "Rengiamos parodos",
]
ACTIVITY_FIELDS = [
    "energetikos saugumo", "kibernetinio saugumo", "kultūros paveldo", "prekybos ir investicijų", "turizmo",
    "švietimo ir mokslo", "sveikatos apsaugos", "žemės ūkio", "transporto ir logistikos", "klimato kaitos",
    "informacinių technologijų", "viešosios diplomatijos", "pilietinės visuomenės", "migracijos valdymo",
    "jūrų saugumo", "finansų priežiūros", "teisingumo", "sporto", "jaunimo politikos", "skaitmeninės ekonomikos",
]
ACTIVITY_WHO = [
    "ministerijų atstovams", "savivaldybių vadovams", "nevyriausybinių organizacijų nariams", "mokslininkams",
    "studentams", "žurnalistams", "verslo asociacijoms", "pasieniečiams", "muitinės pareigūnams", "mokytojams",
]
POSITIONS = ["gynybos atašė", "karo atašė", "oro pajėgų atašė", "jūrų pajėgų atašė", "gynybos patarėjas"]
RANKS = ["plk.", "plk.lt.", "mjr.", "kmdr.", ""]
ROLES = ["charge_daffaires_ai", "charge_daffaires", "ambassador", "consul_general"]
KINDS = ["road", "rail", "river"]
OUTCOMES = ["visit", "meeting", "event", "seminar"]


@dataclass
class DemoResult:
    countries: int = 0
    pages_created: int = 0
    pages_total: int = 0


def seed_body():
    """The seed's Belarus section body (raw block data): the shape every demo body starts from."""
    data = read_yaml(SEED_DIR / "belarus.yaml")
    return {block["type"]: block["value"] for block in data["sections"][0]["body"]}


def person(rng):
    return f"{rng.choice(FIRST_INITIALS)}.{rng.choice(SURNAMES)}"


def fuzzy_day(rng, first_year, last_year):
    return {"year": rng.randint(first_year, last_year), "month": rng.randint(1, 12), "day": rng.randint(1, 28)}


def timeline(rng, template):
    value = copy.deepcopy(template)
    recognised = rng.randint(1990, 1992)
    value["items"] = [
        {"type": "event", "value": {"date": fuzzy_day(rng, recognised, recognised), "kind": "recognition_de_jure"}},
        {"type": "event", "value": {"date": fuzzy_day(rng, recognised, 1994), "kind": "diplomatic_relations"}},
    ]
    for index in range(rng.randint(1, 4)):
        start = rng.randint(1992, 2020)
        for direction, name in (("lithuania_in_partner", person(rng)), ("partner_in_lithuania", rng.choice(FOREIGN_NAMES))):
            value["items"].append({"type": "representative", "value": {
                "period": {"year": start, "end_year": start + rng.randint(1, 5)},
                "direction": direction, "first": index == 0, "since_restoration": index == 0,
                "role": rng.choice(ROLES), "name": name,
            }})
    return value


def border_crossings(rng, template):
    value = copy.deepcopy(template)
    points = [{"kind": kind, "regime": "international", "count": rng.randint(0, 6)} for kind in rng.sample(KINDS, 2)]
    points.append({"kind": "road", "regime": "local", "count": rng.randint(0, 15)})
    value["points"] = points
    value["international_total"] = sum(p["count"] for p in points if p["regime"] == "international")
    value["local_total"] = sum(p["count"] for p in points if p["regime"] == "local")
    for change in value["planned"]:
        change["count"] = rng.randint(1, 4)
    return value


def demarcation(rng, template, country):
    value = copy.deepcopy(template)
    signed = rng.randint(1993, 2005)
    value["treaty_title"] = f"Dėl Lietuvos ir {country.name_genitive} valstybių sienos"
    value["treaty_signed"] = fuzzy_day(rng, signed, signed)
    value["marking_completed"] = fuzzy_day(rng, signed + 2, signed + 10)
    value["final_documents_signed"] = fuzzy_day(rng, signed + 11, signed + 13)
    lakes = rng.sample(LAKES, rng.randint(3, 8))
    value["lakes"], value["ponds"] = lakes, rng.sample(PONDS, rng.randint(1, 3))
    value["last_mark_water_body"] = lakes[-1]
    land, water = rng.randint(100, 700), rng.randint(10, 300)
    value["land_length_km"], value["water_length_km"] = str(land), str(water)
    value["total_length_km"] = f"{land + water}.{rng.randint(0, 999):03d}"
    value["marks"] = [dict(mark, count=rng.randint(2, 1500)) for mark in value["marks"]]
    value["marks_declared_total"] = sum(mark["count"] for mark in value["marks"])
    value["buoys_count"] = rng.randint(5, 120)
    value["water_stretch_km"] = str(rng.randint(5, 60))
    return value


def euroregions(rng, template, country, partner_codes):
    value = copy.deepcopy(template)
    value["euroregions"] = []
    for name in rng.sample(EUROREGIONS, rng.randint(1, 3)):
        groups = [{"country": "LT", "members": rng.sample(MEMBERS, rng.randint(1, 3))},
                  {"country": country.iso_code, "members": [f"{rng.choice(LAKES)[:-1]}ų {rng.choice(['sritis', 'regionas', 'apskritis'])}"]}]
        if partner_codes:
            groups.append({"country": rng.choice(partner_codes), "members": [rng.choice(MEMBERS)]})
        value["euroregions"].append({"name": name, "member_groups": groups})
    return value


def activity_text(rng):
    return (f"{rng.choice(ACTIVITY_VERBS)} {rng.choice(ACTIVITY_FIELDS)} ir {rng.choice(ACTIVITY_FIELDS)} temomis "
            f"{rng.choice(ACTIVITY_WHO)} ir {rng.choice(ACTIVITY_WHO)}.")


def activities(rng, template):
    value = copy.deepcopy(template)
    items = [{"type": "accreditation", "value": {
        "date": {"year": rng.randint(1995, 2024)}, "direction": direction, "position": rng.choice(POSITIONS),
        "rank": rng.choice(RANKS), "name": person(rng),
    }} for direction in rng.sample(["lithuania_in_partner", "partner_in_lithuania"], rng.randint(1, 2))]
    for _index in range(rng.randint(2, 6)):
        activity = {"text": activity_text(rng)}
        if rng.random() < 0.4:
            activity.update(outcome_count=rng.randint(1, 40), outcome_kind=rng.choice(OUTCOMES))
        if rng.random() < 0.3:
            activity.update(date=fuzzy_day(rng, 2000, 2025), since=rng.random() < 0.5)
        items.append({"type": "activity", "value": activity})
    value["items"] = items
    return value


def prose(rng, country, title):
    sentences = [
        f"Lietuvos ir {country.name_genitive} santykiai srityje „{title}“ plėtojami nuo {rng.randint(1991, 2015)} metų.",
        f"Per pastaruosius metus įvyko {rng.randint(2, 60)} susitikimų, o bendrų projektų vertė siekė "
        f"{rng.randint(1, 900)} mln. eurų.",
        f"Ypač svarbus {rng.choice(ACTIVITY_FIELDS)} ir {rng.choice(ACTIVITY_FIELDS)} bendradarbiavimas.",
        activity_text(rng),
    ]
    return "".join(f"<p>{sentence}</p>" for sentence in rng.sample(sentences, rng.randint(2, 4)))


def section_body(rng, templates, country, title, partner_codes):
    """A varied body: always some prose and activities, the other fact families now and then."""
    body = [{"type": "prose", "value": prose(rng, country, title)}]
    if rng.random() < 0.5:
        body.append({"type": "timeline", "value": timeline(rng, templates["timeline"])})
    if rng.random() < 0.3:
        body.append({"type": "border_crossings", "value": border_crossings(rng, templates["border_crossings"])})
    if rng.random() < 0.2:
        body.append({"type": "demarcation", "value": demarcation(rng, templates["demarcation"], country)})
    if rng.random() < 0.3:
        body.append({"type": "euroregions", "value": euroregions(rng, templates["euroregions"], country, partner_codes)})
    body.append({"type": "activities", "value": activities(rng, templates["activities"])})
    return stored_form(body)


def section_titles(count):
    """Distinct titles: topic × subtopic, then numbered parts once those run out."""
    titles = [f"{topic}: {sub}" for sub in SUBTOPICS for topic in TOPICS]
    return [titles[i % len(titles)] + (f" ({i // len(titles) + 1} dalis)" if i >= len(titles) else "")
            for i in range(count)]


def plan(pages):
    """How many sections each demo country gets: up to SECTIONS_PER_COUNTRY each, spread evenly."""
    countries = min(len(COUNTRIES), max(1, -(-pages // SECTIONS_PER_COUNTRY)))
    return [pages // countries + (1 if index < pages % countries else 0) for index in range(countries)]


def ensure_demo_country(index_page, row, report):
    iso_code, name, genitive, locative, official, name_en = row
    ensure_countries([{"iso_code": iso_code, "name": name, "name_genitive": genitive, "name_locative": locative,
                       "official_name_genitive": official, "name_en": name_en}], report)
    country = Country.objects.get(iso_code=iso_code)
    slug = DEMO_SLUG_PREFIX + slugify(name_en)
    page = CountryPage.objects.child_of(index_page).filter(slug=slug).first()
    if page is None:
        page = index_page.add_child(instance=CountryPage(title=name, slug=slug, country=country, locale=index_page.locale))
        page.save_revision().publish()
    return page, country


def publish_section(country_page, title, slug, body, first_published_at):
    page = country_page.add_child(
        instance=SectionPage(title=title, slug=slug, body=body, locale=country_page.locale, change_kind="", change_note="")
    )
    page.save_revision().publish()
    # Demo history: the pages look as if they were first published years ago.
    SectionPage.objects.filter(pk=page.pk).update(
        first_published_at=first_published_at, last_major_change_at=first_published_at
    )
    return page


@contextmanager
def indexed_in_bulk(models):
    """Index new pages once per batch instead of one search-index task per save (two saves a page)."""
    from modelsearch.signal_handlers import post_save_signal_handler

    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def index_pages(model, pages):
    fresh = list(model.objects.filter(pk__in=[page.pk for page in pages]))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, fresh)


@translations_made_here()
def generate_pages(count, progress, seed=2026, report=lambda message: None):
    """Create (or complete) `count` demo section pages; `progress(n)` is told of each page created."""
    locale = ensure_locales()
    home = ensure_home(locale, report)
    index_page = CountryIndexPage.objects.child_of(home).filter(slug=COUNTRY_INDEX["slug"]).first()
    if index_page is None:
        index_page = home.add_child(instance=CountryIndexPage(title=COUNTRY_INDEX["title"], slug=COUNTRY_INDEX["slug"]))
        index_page.save_revision().publish()
    templates = seed_body()
    result = DemoResult()
    codes = [row[0] for row in COUNTRIES]
    for country_number, sections in enumerate(plan(count)):
        rng = random.Random(f"{seed}:{country_number}")
        with transaction.atomic(), indexed_in_bulk([CountryPage, SectionPage]):
            country_page, country = ensure_demo_country(index_page, COUNTRIES[country_number], report)
            created = []
            existing = set(SectionPage.objects.child_of(country_page).values_list("slug", flat=True))
            for number, title in enumerate(section_titles(sections)):
                page_rng = random.Random(f"{seed}:{country_number}:{number}")
                slug = slugify(title.replace("ž", "z").replace("š", "s").replace("č", "c"))[:80] or f"skyrius-{number}"
                if slug in existing:
                    continue
                partners = [code for code in codes[: len(plan(count))] if code != country.iso_code]
                body = section_body(page_rng, templates, country, title, page_rng.sample(partners, min(1, len(partners))))
                published = timezone.make_aware(datetime.datetime(rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28), 10))
                created.append(publish_section(country_page, title, slug, body, published))
                existing.add(slug)
                result.pages_created += 1
                progress(1)
            index_pages(CountryPage, [country_page])
            index_pages(SectionPage, created)
        result.countries += 1
    result.pages_total = demo_sections().count()
    return result


def demo_country_pages():
    return CountryPage.objects.filter(slug__startswith=DEMO_SLUG_PREFIX)


def demo_sections():
    pages = SectionPage.objects.none()
    for country_page in demo_country_pages():
        pages |= SectionPage.objects.descendant_of(country_page)
    return pages


def target_page():
    """The demo page every demo subscriber follows (directly, through its country or the whole portal)."""
    first_country = demo_country_pages().order_by("path").first()
    if first_country is None:
        return None
    return SectionPage.objects.child_of(first_country).order_by("path").first()


def delete_demo_pages():
    """Remove every demo country page and its sections (Wagtail's delete: index entries go too)."""
    removed = 0
    for country_page in demo_country_pages():
        removed += SectionPage.objects.descendant_of(country_page).count() + 1
        Page.objects.get(pk=country_page.pk).delete()
    return removed
