from wagtail import hooks

from .dashboard import AttentionPanel


@hooks.register("construct_homepage_panels")
def add_attention_panel(request, panels):
    panels.append(AttentionPanel())
