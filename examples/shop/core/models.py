"""Abstract models the other apps build on."""

from django.db import models


class TimeStampedModel(models.Model):
    """Adds creation and last-modification times to every model that inherits it."""

    created_at = models.DateTimeField(auto_now_add=True, help_text="When the row was created.")
    updated_at = models.DateTimeField(auto_now=True, help_text="When the row was last saved.")

    class Meta:
        abstract = True
