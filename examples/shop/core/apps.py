from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Building blocks shared by the shop's apps; it has no tables of its own."""

    name = "core"
