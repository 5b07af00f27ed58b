from django.apps import AppConfig


class FeatureDocsConfig(AppConfig):
    """``"featuredocs"`` in INSTALLED_APPS: the ``featuredocs`` management command and
    system checks tagged ``featuredocs``."""

    name = "featuredocs"
    verbose_name = "featuredocs"

    def ready(self) -> None:
        from django.core import checks

        from featuredocs.checks import check_feature_docs

        checks.register(check_feature_docs, "featuredocs")
