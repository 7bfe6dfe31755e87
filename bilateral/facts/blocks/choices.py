"""A ChoiceBlock that reads its stored values without building its choice list each time."""

from django.utils.encoding import force_str
from django.utils.functional import cached_property
from wagtail import blocks


class ChoiceBlock(blocks.ChoiceBlock):
    """Wagtail's ChoiceBlock reads each stored value (to_python) by walking its form field's choices,
    a list built anew on every walk with its translated blank option: some 200 times in one render
    of a section page. With a fixed list of choices the stored text is looked up instead in a table
    made once, with the same answer (normalize_choice's: the first choice whose key reads as that
    text, else the value as stored), and no list and no gettext. Choices given by a callable are read
    as Wagtail reads them. Migrations see a plain ChoiceBlock (ChoiceBlock.deconstruct)."""

    @cached_property
    def keys_by_text(self):
        choices = self._constructor_kwargs["choices"]
        if callable(choices):
            return None
        keys = {}
        for key, label in choices:
            for subkey, _sublabel in label if isinstance(label, (list, tuple)) else [(key, label)]:
                keys.setdefault(force_str(subkey), subkey)
        return keys

    def to_python(self, value):
        keys = self.keys_by_text
        if keys is None or value is None:
            return super().to_python(value)
        return keys.get(force_str(value), value)
