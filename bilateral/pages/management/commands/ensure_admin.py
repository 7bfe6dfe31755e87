import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from django.conf import settings


class Command(BaseCommand):
    help = "Create the administrator on the first run; print the address and password once."

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        username = os.environ.get("ADMIN_USERNAME", "admin")
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(self.style.SUCCESS("Administrator created."))
        self.stdout.write(f"  Admin:    {settings.SITE_URL}/admin/")
        self.stdout.write(f"  User:     {username}")
        if not os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write(f"  Password: {password}   (shown once; change it in the admin)")
