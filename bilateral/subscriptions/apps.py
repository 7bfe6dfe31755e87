from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    name = "bilateral.subscriptions"
    label = "subscriptions"
    verbose_name = "Subscriptions"

    def ready(self):
        from anymail.signals import tracking

        from bilateral.pages.events import major_change_published

        from .receivers import on_major_change_published
        from .suppression import on_tracking

        major_change_published.connect(on_major_change_published, dispatch_uid="subscriptions.fan_out")
        tracking.connect(on_tracking, dispatch_uid="subscriptions.suppress")
