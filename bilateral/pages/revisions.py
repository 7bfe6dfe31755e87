"""A revision is recorded only when the page's content changed.

Wagtail's editor autosaves: every few seconds after the form changes it posts the form, and the edit
view saves a revision and marks a live page "has unpublished changes" whatever the form held. A page
merely opened, or changed and changed back, then showed unpublished changes that are none.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.functional import Promise

# What a revision stores that is not the page's content: Wagtail's bookkeeping of the tree, the
# publication, the revisions and the lock, and what is derived from the content (the draft title, the
# search text, the "Atnaujinta" stamp).
BOOKKEEPING = frozenset(
    {
        "pk", "path", "depth", "numchild", "url_path", "content_type", "alias_of",
        "live", "has_unpublished_changes", "first_published_at", "last_published_at", "expired",
        "live_revision", "latest_revision", "latest_revision_created_at", "draft_title",
        "owner", "locked", "locked_at", "locked_by",
        "search_body", "search_folded", "last_major_change_at", "published_text_origins",
    }
)
# The answer to the publish dialog (major or minor, the public note): part of a revision, since
# publishing reads it there, but no change of what readers see.
PUBLICATION_ANSWER = frozenset({"change_kind", "change_note"})


def as_stored(data):
    """Page data as a revision's JSON content holds it (dates as strings, lazy text as text)."""

    class Encoder(DjangoJSONEncoder):
        def default(self, value):
            return str(value) if isinstance(value, Promise) else super().default(value)

    return json.loads(json.dumps(data, cls=Encoder))


def comparable(value):
    """A field left empty is stored as null by the seed and code, as "" (or false, a box not ticked)
    by the editor's form; a StreamField is stored as JSON text."""
    if isinstance(value, str) and value.startswith("[{"):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return {key: comparable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [comparable(item) for item in value]
    return "" if value is None or value is False else value


def content_of(data, leave_out=BOOKKEEPING):
    return {name: comparable(value) for name, value in data.items() if name not in leave_out}


class RecordsOnlyChanges:
    """Page mixin: save_revision() gives back the latest revision when nothing in the content changed,
    and a revision equal to the live one in what readers see leaves no "unpublished changes"."""

    def save_revision(self, user=None, approved_go_live_at=None, overwrite_revision=None, **kwargs):
        scheduling = approved_go_live_at is not None  # a scheduled publication needs its own revision
        latest = self.stored_revision("latest_revision") if self.pk and not scheduling else None
        if latest is not None and self.same_content_as(latest):
            return latest
        if overwrite_revision is not None and not self.may_overwrite(overwrite_revision, user):
            overwrite_revision = None  # recorded as a new revision instead
        revision = super().save_revision(
            user=user, approved_go_live_at=approved_go_live_at, overwrite_revision=overwrite_revision, **kwargs
        )
        if not scheduling and self.back_to_the_live_content(revision):
            type(self).objects.filter(pk=self.pk).update(has_unpublished_changes=False)
            self.has_unpublished_changes = False
        return revision

    def may_overwrite(self, revision, user):
        """The autosave overwrites its own revision; after an unchanged save it was given the latest one,
        which may be the published revision or someone else's: those are kept."""
        live = self.stored_revision("live_revision")
        return (live is None or revision.pk != live.pk) and revision.user_id == (user.pk if user else None)

    def same_content_as(self, revision, leave_out=BOOKKEEPING):
        return content_of(as_stored(self.serializable_data()), leave_out) == content_of(revision.content, leave_out)

    def stored_revision(self, which):
        """The page's latest or live revision as the database has it now (this instance may be older)."""
        from wagtail.models import Page, Revision

        revision_id = Page.objects.filter(pk=self.pk).values_list(f"{which}_id", flat=True).first()
        return Revision.objects.filter(pk=revision_id).first() if revision_id else None

    def back_to_the_live_content(self, revision):
        live = self.stored_revision("live_revision") if self.pk else None
        if live is None or live.pk == revision.pk:
            return False
        return self.same_content_as(live, BOOKKEEPING | PUBLICATION_ANSWER)
