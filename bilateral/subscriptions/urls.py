"""Under /prenumerata/ (and /en/prenumerata/): the form, the captcha challenge and the links in emails."""

from altcha_django.views import ChallengeView
from django.urls import path

from . import views

app_name = "subscriptions"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("issiusta/", views.sent, name="sent"),
    # ALTCHA challenges are minted at run time here, so no challenge is ever baked into a page.
    path("captcha/", ChallengeView.as_view(), name="captcha"),
    path("patvirtinti/<str:token>/", views.confirm_view, name="confirm"),
    path("atsisakyti/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("tvarkyti/<str:token>/", views.manage, name="manage"),
    path("tvarkyti/<str:token>/duomenys.json", views.export, name="export"),
    path("tvarkyti/<str:token>/istrinti/", views.erase_view, name="erase"),
]
