from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from customers.models import CustomerProfile


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def create_profile(sender, instance, created: bool, **kwargs) -> None:
    """Every new user gets a profile with the default preferences (e-mail, reminders on)."""
    if created:
        CustomerProfile.objects.get_or_create(user=instance)
