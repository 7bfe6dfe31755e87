from django.apps import AppConfig


class FactsConfig(AppConfig):
    name = "bilateral.facts"
    label = "facts"
    verbose_name = "Facts"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from bilateral import process_copies

        from .models import Country

        process_copies.connect()
        # The countries are kept in each process (countries.py): a change makes every process drop them.
        post_save.connect(process_copies.changed, sender=Country, dispatch_uid="facts.countries.saved")
        post_delete.connect(process_copies.changed, sender=Country, dispatch_uid="facts.countries.deleted")
