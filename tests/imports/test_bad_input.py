"""Bad uploads are refused with a clear message, and nothing of them is saved."""

import io
from contextlib import redirect_stderr

import pytest
from django.core.management import CommandError, ManagementUtility, call_command
from wagtail.models import Revision

from bilateral.imports.importing import import_page
from bilateral.imports.reading import MAX_BYTES, ImportRefused
from bilateral.pages.models import SectionPage

from .test_seed_import import SEED_DOCUMENT

ENGLISH_PAGE = (
    "Political cooperation\n\n"
    "On 27 December 1991, Belarus recognised the independence of Lithuania de jure.\n"
    "On 30 December 1992, diplomatic relations were established.\n"
    "The total length of the state border of Lithuania and Belarus is 678.819 km, of which 380 km is by land.\n"
)
SCRIPTED_HTML = """<!doctype html><html><head><title>x</title><style>p { color: red }</style>
<script>document.write("Įsilaužimas")</script></head><body>
<h1>Politinis bendradarbiavimas</h1>
<p>1992 m. gruodžio 30 d. užmegzti diplomatiniai santykiai.</p>
<script type="text/javascript">alert("Įsilaužimas")</script>
<p onclick="alert('x')">Tarp Lietuvos ir kaimynų santykiai geri.<script>steal()</script></p>
</body></html>"""


@pytest.fixture
def counts():
    def now():
        return SectionPage.objects.count(), Revision.objects.count()

    return now


BAD_UPLOADS = {
    "empty": (b"", "Failas tuščias."),
    "blank": (b"  \n\n \t\n", "Failas tuščias."),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "Failas nėra tekstas"),
    "not utf-8": ("Politinis bendradarbiavimas: užmegzti santykiai".encode("cp1257"), "UTF-8"),
    "english": (ENGLISH_PAGE.encode(), "parašytas anglų kalba, ne lietuvių kalba"),
    "huge": (b"Sienos demarkavimas ir kita.\n" * (5 * 1024 * 1024 // 29), "Failas per didelis"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(BAD_UPLOADS))
def test_bad_upload_is_refused_in_lithuanian_and_nothing_saved(name, seeded, counts, lithuanian):
    data, message = BAD_UPLOADS[name]
    before = counts()
    with pytest.raises(ImportRefused) as refused:
        import_page(data, "BY")
    assert message in str(refused.value)
    assert counts() == before


def test_the_huge_upload_is_over_the_documented_limit():
    assert len(BAD_UPLOADS["huge"][0]) > 4 * 1024 * 1024 > MAX_BYTES


@pytest.mark.django_db
def test_unknown_country_is_refused(seeded, counts, lithuanian):
    before = counts()
    with pytest.raises(ImportRefused) as refused:
        import_page(SEED_DOCUMENT.read_bytes(), "XX")
    assert "Nėra šalies, kurios kodas „XX“" in str(refused.value)
    assert counts() == before


@pytest.mark.django_db
def test_html_scripts_are_never_kept(seeded, counts):
    before = counts()
    result = import_page(SCRIPTED_HTML.encode(), "BY", filename="puslapis.html")
    stored = str(result.page.body.raw_data) + str(
        SectionPage.objects.get(pk=result.page.pk).get_latest_revision().content
    )
    for trace in ("Įsilaužimas", "alert", "steal", "<script", "color: red", "onclick"):
        assert trace not in stored
    assert result.page.title == "Politinis bendradarbiavimas"
    assert [block["type"] for block in result.page.body.raw_data] == ["timeline", "prose"]
    assert "Tarp Lietuvos ir kaimynų santykiai geri." in result.page.body.raw_data[1]["value"]
    assert counts() == (before[0] + 1, before[1] + 1)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["empty", "binary", "english", "huge"])
def test_command_refuses_bad_input(name, seeded, counts, tmp_path):
    path = tmp_path / "puslapis.txt"
    path.write_bytes(BAD_UPLOADS[name][0])
    before = counts()
    with pytest.raises(CommandError) as refused:
        call_command("import_page", str(path), "--country", "BY")
    assert BAD_UPLOADS[name][1] in str(refused.value)
    assert counts() == before


@pytest.mark.django_db
def test_command_exits_non_zero_with_the_message(seeded, counts, tmp_path, monkeypatch):
    # manage.py closes the database connections when a command ends; here that would close the test's
    # own transaction (PostgreSQL), so they stay open.
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)
    path = tmp_path / "puslapis.txt"
    path.write_bytes(SEED_DOCUMENT.read_bytes())
    before = counts()
    stderr = io.StringIO()
    with redirect_stderr(stderr), pytest.raises(SystemExit) as exit:
        ManagementUtility(["manage.py", "import_page", str(path), "--country", "ZZ"]).execute()
    assert exit.value.code != 0
    assert "Nėra šalies, kurios kodas „ZZ“" in stderr.getvalue()
    assert counts() == before


@pytest.mark.django_db
def test_command_imports_and_reports(seeded, tmp_path):
    path = tmp_path / "puslapis.txt"
    path.write_bytes(SEED_DOCUMENT.read_bytes())
    out = io.StringIO()
    call_command("import_page", str(path), "--country", "by", "--title", "Importuotas", stdout=out)
    report = out.getvalue()
    page = SectionPage.objects.get(title="Importuotas")
    assert not page.live
    assert f"(id {page.pk}, nepaskelbtas)" in report
    assert "Baltarusija pripažino Lietuvos nepriklausomybę de jure." in report
    assert "→ importuota, nestruktūrizuota" in report
    assert "Sienos ženklų pagal rūšis suma nesutampa" in report


@pytest.mark.django_db
def test_a_failure_while_saving_leaves_no_half_saved_draft(seeded, counts, monkeypatch):
    """The draft, its revision and its report are one transaction: the report failing to save takes
    the page and its revision with it."""
    from bilateral.imports.models import PageImport

    def fail(**kwargs):
        raise RuntimeError("the report could not be saved")

    monkeypatch.setattr(PageImport.objects, "create", fail)
    before = counts()
    with pytest.raises(RuntimeError):
        import_page(SEED_DOCUMENT.read_bytes(), "BY")
    assert counts() == before
    assert not SectionPage.objects.filter(title="Politinis bendradarbiavimas", live=False).exists()
