"""What happens when a section page goes live: a major change is recorded and announced once."""

from django.db import transaction
from django.utils import timezone

from .events import major_change_published

MAJOR, MINOR = "major", "minor"


def go_live_time(instance, revision):
    """A scheduled publication counts from its go-live time, not from when the scheduler ran."""
    return revision.approved_go_live_at or instance.last_published_at or timezone.now()


def record_major_change(sender, instance, revision, alias=False, **kwargs):
    from .models import MajorChange, SectionPage

    if alias or revision is None or not isinstance(instance, SectionPage):
        return
    if revision.content.get("change_kind") != MAJOR:
        return
    from .translations import is_translation

    if is_translation(instance):
        return  # the source page's change, carried over; recorded and announced there
    published_at = go_live_time(instance, revision)
    with transaction.atomic():
        change, created = MajorChange.objects.get_or_create(
            revision=revision,
            defaults={"page": instance, "note": revision.content.get("change_note", ""), "published_at": published_at},
        )
        if not created:
            return
        SectionPage.objects.filter(pk=instance.pk).update(last_major_change_at=published_at)
        instance.last_major_change_at = published_at
        major_change_published.send(
            sender=SectionPage, page=instance, change=change, note=change.note, published_at=published_at
        )
