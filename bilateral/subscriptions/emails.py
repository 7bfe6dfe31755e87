"""The alert and digest emails of outbox rows: plain text and HTML, in the reader's language.

Links are absolute (settings.SITE_URL); every email carries List-Unsubscribe headers, a link to
the manage page and the Message-ID of its outbox row. A row whose reader no longer follows what it
is about renders to None and is not sent.
"""

import datetime
import smtplib
from collections import OrderedDict
from dataclasses import dataclass
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import links
from .fanout import country_page_ids, covers
from .models import DAILY, Subscription
from .outbox_models import ALERT
from .periods import next_period_start


@dataclass
class Outgoing:
    """One email for the SMTP backend: a Django message, or (prepared alerts) envelope and bytes."""

    message: object = None
    from_email: str = ""
    recipients: list = None
    data: bytes = b""

    def send(self, backend):
        """Raises what the backend or smtplib raises (refused recipient, disconnected …)."""
        if self.message is not None:
            backend.send_messages([self.message])
            return
        if backend.connection is None:
            raise smtplib.SMTPServerDisconnected("The SMTP connection is closed.")
        backend.connection.sendmail(self.from_email, self.recipients, self.data)


class PreparedAlert:
    """An alert encoded once, with placeholders for what differs between its readers."""

    TO = "reader.placeholder.to@placeholder.invalid"
    MESSAGE_ID = "<message.placeholder.id@placeholder.invalid>"
    MANAGE = "https://placeholder.invalid/manage-placeholder-url"
    UNSUBSCRIBE = "https://placeholder.invalid/unsubscribe-placeholder-url"
    # Each placeholder must come out of the MIME encoding byte for byte, as often as it went in.
    EXPECTED = {TO: 1, MESSAGE_ID: 1, MANAGE: 2, UNSUBSCRIBE: 3}

    def __init__(self, data, from_email):
        self.data, self.from_email = data, from_email

    @classmethod
    def encode(cls, subject, text, html):
        reader = SimpleNamespace(pk=0, email=cls.TO, link_key="placeholder", language=translation.get_language())
        message = Renderer.build(subject, text, html, cls.MESSAGE_ID, reader)
        message.extra_headers["List-Unsubscribe"] = links.list_unsubscribe(cls.UNSUBSCRIBE)
        data = message.message().as_bytes(linesep="\r\n")
        found = {placeholder: data.count(placeholder.encode()) for placeholder in cls.EXPECTED}
        if found != cls.EXPECTED:  # folded or encoded away: these alerts are built one by one
            return None
        return cls(data, sanitize_address(message.from_email, message.encoding or settings.DEFAULT_CHARSET))

    @staticmethod
    def fits(email, reader_links):
        """An ASCII address goes into the To header as it is, and links that HTML escaping leaves
        alone go into both parts as they are; anything else is left to Django's encoding."""
        plain = all(escape(url) == url and url.isascii() for url in reader_links.values())
        return plain and email.isascii() and not any(char in email for char in "\r\n<>,\"")

    def fill(self, message_id, subscriber, reader_links):
        data = (
            self.data.replace(self.TO.encode(), subscriber.email.encode())
            .replace(self.MESSAGE_ID.encode(), message_id.encode())
            .replace(self.MANAGE.encode(), reader_links["manage_url"].encode())
            .replace(self.UNSUBSCRIBE.encode(), reader_links["unsubscribe_url"].encode())
        )
        return Outgoing(from_email=self.from_email, recipients=[sanitize_address(subscriber.email, "utf-8")], data=data)


class Renderer:
    """Builds the emails of one batch; page facts are looked up once per batch, not once per row."""

    def __init__(self, rows=()):
        self.pages = {}
        self.follows = {}
        self.prepared = {}
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
        """The row's email as an EmailMultiAlternatives, or None when its reader no longer follows it."""
        subscriber = row.subscriber
        follows = self.following(row)
        with translation.override(subscriber.language or settings.LANGUAGE_CODE):
            content = self.alert(row, follows) if row.kind == ALERT else self.digest(row, follows)
            if content is None:
                return None
            name, subject, context = content
            context.update(self.reader_links(subscriber))
            text, html = self.render(name, subject, context)
        return self.build(subject, text, html, row.message_id, subscriber, connection)

    def render(self, name, subject, context):
        context.update(
            subject=subject,
            language=translation.get_language(),
            site_name=urlsplit(settings.SITE_URL).hostname or settings.SITE_URL,
            site_url=settings.SITE_URL,
        )
        text = render_to_string(f"subscriptions/delivery/{name}.txt", context)
        html = render_to_string(f"subscriptions/delivery/{name}.html", context)
        return text, html

    @staticmethod
    def reader_links(subscriber):
        return {"manage_url": links.manage_url(subscriber), "unsubscribe_url": links.unsubscribe_url(subscriber)}

    @staticmethod
    def build(subject, text, html, message_id, subscriber, connection=None):
        headers = {
            "Message-ID": message_id,
            "Auto-Submitted": "auto-generated",
            **links.list_unsubscribe_headers(subscriber),
        }
        message = EmailMultiAlternatives(
            subject, text, settings.DEFAULT_FROM_EMAIL, [subscriber.email], headers=headers, connection=connection
        )
        message.attach_alternative(html, "text/html")
        return message

    def outgoing(self, row, backend):
        """What to hand to SMTP for this row: an Outgoing (envelope and bytes), or None (not sent).

        An alert says the same to every reader of a change except for the address, the Message-ID
        and the reader's two links, so it is rendered and encoded once per change and language, with
        placeholders, and each row only fills those in; digests (different for each reader) and
        anything the placeholders cannot carry are built one by one."""
        subscriber = row.subscriber
        follows = self.following(row)
        language = subscriber.language or settings.LANGUAGE_CODE
        with translation.override(language):
            if row.kind != ALERT or getattr(backend, "connection", False) is False:
                message = self.message(row, backend)
                return None if message is None else Outgoing(message=message)
            facts = self.page_facts_by_id(row.change)
            if not any(covers(sub, row.change.page_id, facts["country_id"]) for sub in follows):
                return None
            prepared = self.prepared_alert(row.change, language)
            reader_links = self.reader_links(subscriber)
            if prepared is None or not prepared.fits(subscriber.email, reader_links):
                return Outgoing(message=self.message(row, backend))
            return prepared.fill(row.message_id, subscriber, reader_links)

    def prepared_alert(self, change, language):
        key = (change.pk, language)
        if key not in self.prepared:
            name, subject, context = self.alert_content(change, self.page_facts_by_id(change))
            context.update(manage_url=PreparedAlert.MANAGE, unsubscribe_url=PreparedAlert.UNSUBSCRIBE)
            text, html = self.render(name, subject, context)
            self.prepared[key] = PreparedAlert.encode(subject, text, html)
        return self.prepared[key]

    def page_facts_by_id(self, change):
        """The facts of a change's page; the page is read once per batch (rows carry only its id)."""
        if change.page_id not in self.pages:
            from bilateral.pages.models import SectionPage

            self.page_facts(SectionPage.objects.get(pk=change.page_id))
        return self.pages[change.page_id]

    def alert(self, row, follows):
        change = row.change
        facts = self.page_facts_by_id(change)
        if not any(covers(sub, change.page_id, facts["country_id"]) for sub in follows):
            return None
        return self.alert_content(change, facts)

    @staticmethod
    def alert_content(change, facts):
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
