"""Sending a message to a customer by e-mail or SMS."""

import json
import os
import urllib.request

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail

from customers.models import CustomerProfile


class NotificationError(RuntimeError):
    """The message could not be delivered to the gateway."""


def sms_api_key() -> str:
    # Read on first use, not in settings: the shop runs without SMS (development,
    # e-mail-only deployments), but sending one without a key must fail loudly.
    return os.environ["SHOP_SMS_API_KEY"]


def send_email(address: str, subject: str, body: str) -> None:
    send_mail(subject, body, settings.REMINDERS["email"]["from_address"], [address])


def send_sms(phone: str, body: str) -> None:
    config = settings.REMINDERS["sms"]
    payload = json.dumps({"to": phone, "from": config["sender_id"], "text": body}).encode()
    request = urllib.request.Request(
        config["gateway_url"],
        data=payload,
        headers={
            "Authorization": f"Bearer {sms_api_key()}",
            "Content-Type": "application/json",
        },
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=config["timeout_seconds"]) as response:
        if response.status >= 300:
            raise NotificationError(f"SMS gateway answered {response.status}")


def notify(user: AbstractBaseUser, channel: str, subject: str, body: str) -> bool:
    """Send ``body`` to ``user`` on ``channel``; False when they have no address there."""
    if channel == CustomerProfile.Channel.SMS:
        profile = CustomerProfile.objects.filter(user=user).first()
        phone = profile.address_for(channel) if profile else None
        if phone is None:
            return False
        send_sms(phone, body)
        return True
    if not user.email:
        return False
    send_email(user.email, subject, body)
    return True
