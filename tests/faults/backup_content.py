"""Run in a process on the database being backed up: add what a backup must keep beyond the seed,
and describe a database so that two can be compared. (python -c "… add_content()" / "… describe()")"""

import hashlib
import io
import json
from pathlib import Path

import django


def add_content():
    django.setup()
    from django.conf import settings
    from django.core.files.base import ContentFile
    from django.utils import timezone
    from PIL import Image as PillowImage
    from wagtail.documents.models import Document
    from wagtail.images.models import Image

    from bilateral.pages.models import SectionPage
    from bilateral.subscriptions.models import SITE, Subscriber, Subscription

    subscriber = Subscriber.objects.create(email="atsargine@example.lt", confirmed_at=timezone.now())
    Subscription.objects.create(subscriber=subscriber, scope=SITE, frequency="immediate", confirmed_at=timezone.now())

    page = SectionPage.objects.get(slug="politinis-bendradarbiavimas")
    page.change_kind = "minor"
    page.title = page.title + " (antra versija)"
    page.save_revision().publish()

    Document.objects.create(title="Sutartis", file=ContentFile(bytes(range(256)) * 40, name="sutartis.pdf"))
    picture = io.BytesIO()
    PillowImage.new("RGB", (40, 30), (200, 30, 60)).save(picture, "PNG")
    Image.objects.create(title="Vėliava", file=ContentFile(picture.getvalue(), name="veliava.png"))
    print(settings.MEDIA_ROOT)


def describe():
    django.setup()
    from django.conf import settings
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Page, Revision

    from bilateral.subscriptions.models import Subscriber

    media = Path(settings.MEDIA_ROOT)
    revisions = {}
    for revision in Revision.objects.all():
        revisions[revision.object_id] = revisions.get(revision.object_id, 0) + 1
    print(json.dumps({
        "pages": [[page.pk, page.title, page.url_path, page.live] for page in Page.objects.order_by("pk")],
        "revisions": revisions,
        "subscribers": [
            [s.email, s.confirmed_at.isoformat() if s.confirmed_at else None,
             sorted([x.scope, x.frequency, str(x.confirmed_at)] for x in s.subscriptions.all())]
            for s in Subscriber.objects.order_by("email")
        ],
        "documents": [[d.title, d.file.name] for d in Document.objects.order_by("pk")],
        "images": [[i.title, i.file.name, i.width, i.height] for i in Image.objects.order_by("pk")],
        "media": {
            str(path.relative_to(media)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(media.rglob("*")) if path.is_file()
        },
    }))
