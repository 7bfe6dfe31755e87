"""The alert and digest emails of outbox rows: plain text and HTML, in the reader's language.

Links are absolute (settings.SITE_URL); every email carries List-Unsubscribe headers, a link to
the manage page and the Message-ID of its outbox row. A row whose reader no longer follows what it
is about renders to None and is not sent.
"""

import datetime
from collections import OrderedDict
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import links
from .fanout import country_page_ids, covers
from .models import DAILY, Subscription
from .outbox_models import ALERT
from .periods import next_period_start


class Renderer:
    """Builds the emails of one batch; page facts are looked up once per batch, not once per row."""

    def __init__(self, rows=()):
        self.pages = {}
        self.follows = {}
        self.prefetch(rows)

    def prefetch(self, rows):
        """Read the subscriptions of a whole batch in one query (instead of one per email)."""
        wanted = {(row.subscriber_id, row.frequency) for row in rows}
        if not wanted:
            return
        for key in wanted:
            self.follows[key] = []
        found = Subscription.objects.filter(
            subscriber_id__in={subscriber_id for subscriber_id, _f in wanted}, confirmed_at__isnull=False
        ).values_list("subscriber_id", "frequency", "scope", "page_id", "country_page_id")
        for subscriber_id, frequency, *subscription in found:
            if (subscriber_id, frequency) in self.follows:
                self.follows[(subscriber_id, frequency)].append(tuple(subscription))

    def following(self, row):
        """What the row's reader follows now, at the row's frequency."""
        if (row.subscriber_id, row.frequency) not in self.follows:
            self.prefetch([row])
        return self.follows[(row.subscriber_id, row.frequency)]

    def page_facts(self, page):
        if page.pk not in self.pages:
            from bilateral.pages.models import CountryPage

            country_id = country_page_ids([page.pk]).get(page.pk)
            country = CountryPage.objects.filter(pk=country_id).values_list("title", flat=True).first()
            parts = page.get_url_parts()
            path = parts[2] if parts and parts[2] else "/"
            self.pages[page.pk] = {
                "page_title": page.title,
                "country_title": country or "",
                "full_title": f"{country} – {page.title}" if country else page.title,
                "page_url": settings.SITE_URL + path,
                "country_id": country_id,
            }
        return self.pages[page.pk]

    def message(self, row, connection=None):
        subscriber = row.subscriber
        follows = self.following(row)
        with translation.override(subscriber.language or settings.LANGUAGE_CODE):
            if row.kind == ALERT:
                content = self.alert(row, follows)
            else:
                content = self.digest(row, follows)
            if content is None:
                return None
            name, subject, context = content
            context.update(
                subject=subject,
                language=translation.get_language(),
                manage_url=links.manage_url(subscriber),
                unsubscribe_url=links.unsubscribe_url(subscriber),
                site_name=urlsplit(settings.SITE_URL).hostname or settings.SITE_URL,
                site_url=settings.SITE_URL,
            )
            text = render_to_string(f"subscriptions/delivery/{name}.txt", context)
            html = render_to_string(f"subscriptions/delivery/{name}.html", context)
        headers = {
            "Message-ID": row.message_id,
            "Auto-Submitted": "auto-generated",
            **links.list_unsubscribe_headers(subscriber),
        }
        message = EmailMultiAlternatives(
            subject, text, settings.DEFAULT_FROM_EMAIL, [subscriber.email], headers=headers, connection=connection
        )
        message.attach_alternative(html, "text/html")
        return message

    def alert(self, row, follows):
        change = row.change
        facts = self.page_facts(change.page)
        if not any(covers(sub, change.page_id, facts["country_id"]) for sub in follows):
            return None
        subject = _("Updated: %(page)s") % {"page": facts["full_title"]}
        return "alert", subject, {**facts, "note": change.note, "published_at": change.published_at}

    def digest(self, row, follows):
        from bilateral.pages.models import MajorChange

        changes = MajorChange.objects.filter(pk__in=row.change_ids).select_related("page").order_by("published_at", "pk")
        groups = OrderedDict()
        for change in changes:
            facts = self.page_facts(change.page)
            if any(covers(sub, change.page_id, facts["country_id"]) for sub in follows):
                group = groups.setdefault(change.page_id, {**facts, "changes": []})
                group["changes"].append({"note": change.note, "published_at": change.published_at})
        if not groups:
            return None
        groups = list(groups.values())
        titles = groups[0]["full_title"]
        if len(groups) > 1:
            more = len(groups) - 1
            titles = ngettext(
                "%(page)s and %(count)s more page", "%(page)s and %(count)s more pages", more
            ) % {"page": titles, "count": more}
        start = row.period_start
        last_day = next_period_start(row.frequency, start) - datetime.timedelta(days=1)
        if row.frequency == DAILY:
            subject = _("Daily digest: %(pages)s") % {"pages": titles}
        else:
            subject = _("Weekly digest: %(pages)s") % {"pages": titles}
        context = {
            "groups": groups,
            "daily": row.frequency == DAILY,
            "period_start": start,
            "period_end": last_day,
            "count": sum(len(group["changes"]) for group in groups),
        }
        return "digest", subject, context
