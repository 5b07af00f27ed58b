"""The tricky project's models: ``accounts`` (a custom user model) and ``library``
(abstract bases, custom fields, multi-table inheritance, a proxy, a models package,
an admin)."""

ACCOUNTS_MODELS = '''
from django.contrib.auth.models import AbstractUser
from django.db import models


class Member(AbstractUser):
    """The project's own user model (AUTH_USER_MODEL)."""

    nickname = models.CharField(max_length=30, blank=True)
'''

LIBRARY_FIELDS = '''
from django.db import models


class MoneyField(models.DecimalField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(*args, **kwargs)


class CodeField(models.CharField):
    def get_internal_type(self):
        return "TextField"
'''

LIBRARY_BASE = '''
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


DEFAULT_LANGUAGE = "en"
LANGUAGES = [("en", "English"), ("Other", [("de", "German"), ("fr", "French")])]


def default_tags():
    return []


class Owned(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
        related_name="%(app_label)s_%(class)s_owned",
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True)

    class Meta:
        abstract = True
        ordering = ["-public_id"]
        indexes = [models.Index(fields=["owner"], name="%(app_label)s_%(class)s_owner_idx")]


class Named(models.Model):
    name = models.CharField(_("name"), max_length=100, help_text=_("Shown to " "readers."))

    class Meta:
        abstract = True
'''

LIBRARY_MODELS = '''
from django.db import models
from django.db.models.functions import Lower

from library.base import DEFAULT_LANGUAGE, LANGUAGES, Named, Owned, default_tags
from library.fields import CodeField, MoneyField


class ShelfQuerySet(models.QuerySet):
    def full(self):
        return self.filter(capacity=0)


class Place(models.Model):
    address = models.CharField(max_length=200, db_column="addr")


class Shelf(Place):
    """Multi-table inheritance: a shelf is a place."""

    capacity = models.PositiveSmallIntegerField(default=10)
    objects = ShelfQuerySet.as_manager()
    archived = models.Manager()


class Book(Owned, Named):
    class Format(models.IntegerChoices):
        PAPER = 1, "Paper"
        EBOOK = 2, "E-book"

    shelf = models.ForeignKey("Shelf", on_delete=models.SET_NULL, null=True, related_name="+")
    previous = models.OneToOneField("self", on_delete=models.SET_NULL, null=True, blank=True)
    related = models.ManyToManyField("self", blank=True)
    authors = models.ManyToManyField("library.Author", through="Credit", related_name="books")
    format = models.IntegerField(choices=Format.choices, default=Format.PAPER)
    language = models.CharField(max_length=5, choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    price = MoneyField(null=True)
    code = CodeField(max_length=10, db_index=True)
    tags = models.JSONField(default=default_tags)
    extra = models.JSONField(default=dict)
    stock = models.IntegerField(db_default=0)

    class Meta(Owned.Meta):
        db_table = "lib_books"
        unique_together = ("shelf", "code")
        constraints = [
            models.UniqueConstraint(Lower("code"), name="book_code_ci"),
            models.UniqueConstraint(fields=["name"], condition=models.Q(format=2), name="ebook_name"),
            models.CheckConstraint(condition=models.Q(stock__gte=0), name="stock_positive"),
        ]
        indexes = [models.Index(fields=["-format", "language"])]

    def __str__(self):
        return self.name

    @property
    def label(self):
        return f"{self.code} {self.name}"


class PaperBook(Book):
    class Meta:
        proxy = True

    def fold(self):
        return None
'''

LIBRARY_PEOPLE = '''
from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)


class Credit(models.Model):
    book = models.ForeignKey("library.Book", on_delete=models.CASCADE)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_query_name="credit")
    role = models.CharField(max_length=20, default="author")
'''

LIBRARY_MODELS_INIT = '''
from library.models.books import Book, PaperBook, Place, Shelf
from library.models.people import Author, Credit
'''

LIBRARY_APPS = '''
from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "library"
    default_auto_field = "django.db.models.AutoField"
'''

LIBRARY_ADMIN = '''
from django.contrib import admin

from library.models import Author, Book

admin.site.register([Author])


@admin.register(Book)
class BookAdmin(admin.ModelAdmin):
    pass
'''
