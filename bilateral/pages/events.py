"""Domain events of the pages: other apps listen; nothing here knows who they are."""

from django.dispatch import Signal

# Sent once per major change that goes live, with page, change (MajorChange), note and published_at.
major_change_published = Signal()
