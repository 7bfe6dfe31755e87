"""Under /prenumerata/ (and /en/subscribe/): the form, the captcha challenge and the links in emails."""

from django.urls import path

from . import newlink, views

app_name = "subscriptions"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("issiusta/", views.sent, name="sent"),
    # ALTCHA challenges are minted at run time here, so no challenge is ever baked into a page.
    path("captcha/", views.CaptchaChallengeView.as_view(), name="captcha"),
    # The CSRF token for the footer form of cached pages, fetched by form.js (never in page HTML).
    path("zetonas/", views.csrf_token_view, name="csrf_token"),
    path("patvirtinti/<str:token>/", views.confirm_view, name="confirm"),
    path("atsisakyti/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("tvarkyti/<str:token>/", views.manage, name="manage"),
    path("tvarkyti/<str:token>/duomenys.json", views.export, name="export"),
    path("tvarkyti/<str:token>/istrinti/", views.erase_view, name="erase"),
    path("nauja-nuoroda/", newlink.new_link, name="new_link"),
    path("nauja-nuoroda/issiusta/", newlink.new_link_sent, name="new_link_sent"),
]
