from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    name = "bilateral.subscriptions"
    label = "subscriptions"
    verbose_name = "Subscriptions"
