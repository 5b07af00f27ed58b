"""A small real Django project for the FD3 and FD8 ORM tests: billing, customers, catalog,
and a custom user model built on ``AbstractUser``."""

from __future__ import annotations

from pathlib import Path

from tests.support.django_project import DjangoProject, make_project

BILLING = '''\
from django.db import models


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class InvoiceQuerySet(models.QuerySet):
    def unpaid(self):
        return self.exclude(status="paid")


class Invoice(TimeStamped):
    class Status(models.TextChoices):
        DRAFT = "draft"
        PAID = "paid"

    number = models.CharField(max_length=20, unique=True)
    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.CASCADE, related_name="invoices"
    )
    total = models.DecimalField(max_digits=10, decimal_places=2)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    notes = models.TextField(blank=True)
    tags = models.ManyToManyField("catalog.Tag", blank=True)

    objects = InvoiceQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["status", "-created_at"], name="invoice_status_created_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["customer", "number"], name="uniq_customer_number"),
        ]

    @property
    def is_overdue(self):
        return False

    def mark_paid(self):
        self.status = self.Status.PAID
        self.save()


class InvoiceLine(models.Model):
    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    sku = models.CharField(max_length=20, db_index=True)
'''

CUSTOMERS = '''\
from django.conf import settings
from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=100)
    email = models.EmailField(unique=True)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)

    def send_reminder(self):
        pass


class Tag(models.Model):
    label = models.CharField(max_length=20)
'''

CATALOG = '''\
from django.db import models


class Tag(models.Model):
    label = models.SlugField()
'''

ACCOUNTS = '''\
from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    nickname = models.CharField(max_length=30, blank=True)
'''


def billing_project(root: Path) -> DjangoProject:
    return make_project(
        root,
        apps={
            "accounts": {"models.py": ACCOUNTS},
            "customers": {"models.py": CUSTOMERS},
            "catalog": {"models.py": CATALOG},
            "billing": {"models.py": BILLING},
        },
        settings='AUTH_USER_MODEL = "accounts.User"\n',
    )
