"""Prose: rich text that is not a fact, rendered as the editor wrote it."""

import pytest

from bilateral.facts.blocks import SectionBodyBlock

from .helpers import block_text, clean_block, render_block

TEXT = (
    "<p>Lietuvos ir Baltarusijos santykiai grindžiami <b>geros kaimynystės</b> principais.</p>"
    "<ul><li>pirma</li><li>antra</li></ul>"
)


def test_renders_inside_a_prose_wrapper(belarus):
    html = render_block("prose", TEXT, belarus)
    assert html.strip().startswith('<div class="prose"><p>Lietuvos ir Baltarusijos')
    assert html.strip().endswith("</ul></div>")
    assert "<b>geros kaimynystės</b>" in html
    assert "<ul><li>pirma</li><li>antra</li></ul>" in html


def test_text(belarus):
    assert block_text("prose", TEXT, belarus) == (
        "Lietuvos ir Baltarusijos santykiai grindžiami geros kaimynystės principais. pirma antra"
    )


def test_renders_without_a_country():
    assert "principais." in render_block("prose", TEXT)


def test_external_link_kept(belarus):
    html = render_block("prose", '<p>Žr. <a href="https://urm.lt/">URM</a>.</p>', belarus)
    assert '<a href="https://urm.lt/">URM</a>' in html


@pytest.mark.parametrize("language", ["lt", "en"])
def test_the_text_is_not_translated(belarus, language):
    from django.utils import translation

    with translation.override(language):
        assert block_text("prose", "<p>Tekstas lietuviškai.</p>", belarus) == "Tekstas lietuviškai."


def test_figures_are_left_as_written(belarus):
    assert block_text("prose", "<p>Įrengtas 21 ženklas, 678.819 km.</p>", belarus) == (
        "Įrengtas 21 ženklas, 678.819 km."
    )


def test_clean_passes():
    value = clean_block("prose", TEXT)
    assert "geros kaimynystės" in value.source


def test_editor_features():
    block = SectionBodyBlock().child_blocks["prose"]
    assert block.features == ["h2", "h3", "bold", "italic", "link", "ol", "ul"]
