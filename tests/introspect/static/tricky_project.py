"""A small project full of the shapes static mode must read like live mode does.

Written once into ``tmp_path`` by the parity tests; each app exercises one area: models
(``library``), commands (``tools``), URLs and views (``api``).
"""

from __future__ import annotations

from pathlib import Path

from tests.support.django_project import DjangoProject, make_project

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

TOOLS_BASE = '''
from django.core.management.base import BaseCommand


DEFAULT_LIMIT = 50


class ToolCommand(BaseCommand):
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT,
                            help="at most %(default)s rows")
        self.add_output_options(parser)

    def add_output_options(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--json", action="store_true")
        group.add_argument("--csv", action="store_true")
'''

TOOLS_EXPORT = '''
from tools.base import ToolCommand


class Command(ToolCommand):
    help = "Export the library."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("path", help="where to write")
        parser.add_argument("--format", choices=("csv", "json"), default="csv")
        parser.add_argument("--no-header", action="store_false", dest="header")
        parser.add_argument("--since", required=True, metavar="DATE")
        parser.add_argument("--tag", action="append", dest="tags")
        parser.add_argument("-q", "--quiet", action="count", default=0)
        parser.add_argument("ids", nargs="*", type=int)
        parser.set_defaults(limit=25)

    def handle(self, *args, **options):
        raise AssertionError("never run")
'''

TOOLS_CACHE = '''
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Manage the book cache."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        warm = sub.add_parser("warm")
        warm.add_argument("--days", type=int, default=7)
        clear = sub.add_parser("clear")
        clear.add_argument("--all", action="store_true")

    def handle(self, *args, **options):
        raise AssertionError("never run")
'''

TOOLS_LABELS = '''
from django.core.management.base import LabelCommand


class Command(LabelCommand):
    label = "isbn"
    help = "Look books up by ISBN."

    def handle_label(self, label, **options):
        raise AssertionError("never run")
'''

API_VIEWS = '''
from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import TemplateView
from django_filters import rest_framework as filters
from rest_framework import generics, viewsets
from rest_framework.decorators import action, api_view
from rest_framework.filters import SearchFilter
from rest_framework.pagination import CursorPagination, LimitOffsetPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from api.serializers import AuthorSerializer, BookSerializer
from library.models import Author, Book


class Offsets(LimitOffsetPagination):
    default_limit = 10


class ByNewest(CursorPagination):
    ordering = "-public_id"
    page_size = 5


class BookFilter(filters.FilterSet):
    cheap = filters.BooleanFilter(method="filter_cheap")

    class Meta:
        model = Book
        fields = {"format": ["exact"], "price": ["lt", "gt"], "shelf": ["exact", "isnull"]}


@require_http_methods(["GET", "POST"])
def ping(request):
    if "verbose" in request.GET:
        return JsonResponse({"ok": True, "detail": {"version": 1}})
    return JsonResponse({"ok": True, "detail": {"version": 2}})


def anything(request, slug):
    return JsonResponse({"slug": slug, "page": int(request.GET["page"])})


@method_decorator(require_POST, name="dispatch")
class Hook(View):
    def post(self, request):
        return JsonResponse({"received": True})

    def get(self, request):
        return JsonResponse({"never": "allowed"})


class About(TemplateView):
    template_name = "about.html"


@api_view(["GET", "POST"])
def stats(request):
    return Response({"books": 1, "authors": [{"name": "x"}]})


class Health(APIView):
    def get(self, request):
        return Response({"status": "ok", "checks": []})


class BookList(generics.ListCreateAPIView):
    queryset = Book.objects.all()
    serializer_class = BookSerializer
    pagination_class = Offsets
    filter_backends = [filters.DjangoFilterBackend, SearchFilter]
    filterset_class = BookFilter
    search_fields = ["name"]


class AuthorViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Author.objects.all()
    serializer_class = AuthorSerializer
    pagination_class = ByNewest
    lookup_field = "name"

    @action(detail=False, url_path="top-rated")
    def top_rated(self, request):
        return Response([])

    @action(detail=True, methods=["post", "delete"], serializer_class=AuthorSerializer)
    def follow(self, request, name=None):
        return Response({})


class BookViewSet(viewsets.GenericViewSet):
    queryset = Book.objects.all()
    serializer_class = BookSerializer
    pagination_class = None
    lookup_value_regex = "[0-9]+"

    def list(self, request):
        return Response([])

    def destroy(self, request, pk=None):
        return Response(status=204)
'''

API_SERIALIZERS = '''
from rest_framework import serializers

from library.models import Author, Book


class AuthorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Author
        fields = "__all__"


class BookSerializer(serializers.ModelSerializer):
    authors = AuthorSerializer(many=True, read_only=True)
    secret = serializers.CharField(write_only=True)
    price = serializers.DecimalField(max_digits=12, decimal_places=2, coerce_to_string=False)
    label = serializers.ReadOnlyField()

    class Meta:
        model = Book
        exclude = ["owner", "extra"]
        extra_kwargs = {"tags": {"write_only": True}}
'''

API_NINJA = '''
from typing import Literal

from ninja import NinjaAPI, Router, Schema

api = NinjaAPI(urls_namespace="shelves")
router = Router()


class ShelfOut(Schema):
    id: int
    capacity: int
    address: str | None = None


class Page(Schema):
    items: list[ShelfOut]
    total: int


@api.get("/shelves", response=Page)
def shelves(request, q: str = None, size: int = 10, order: Literal["asc", "desc"] = "asc"):
    return {"items": [], "total": 0}


@api.post("/shelves")
def add_shelf(request, payload: ShelfOut):
    return {}


@api.get("/tickets/{uuid:code}")
def ticket(request, code: str):
    return {}


@api.get("/floors/{int:level}")
def floor(request, level: int):
    return {}


@router.get("/{shelf_id}/books", response=list[ShelfOut])
def shelf_books(request, shelf_id: int, limit: int):
    return []


api.add_router("/shelves/", router)
'''

API_URLS = '''
from django.conf import settings
from django.urls import include, path, re_path, register_converter
from rest_framework.routers import DefaultRouter, SimpleRouter
from rest_framework.urlpatterns import format_suffix_patterns

from api import views
from api.converters import FourDigitYear
from api.ninja_api import api

register_converter(FourDigitYear, "yyyy")

router = DefaultRouter()
router.register("authors", views.AuthorViewSet)
books = SimpleRouter(trailing_slash=False)
books.register(r"books", views.BookViewSet, basename="volume")

legacy = [
    re_path(r"^old/(?P<year>[0-9]{4})/(\\\\d+)/$", views.anything, name="legacy"),
]
exports = format_suffix_patterns([path("report/", views.ping, name="report")])

app_name = "api"
urlpatterns = [
    path("ping/", views.ping, name="ping"),
    path("items/<slug:slug>/", views.anything),
    path("shelves/<int:pk>/", views.anything, name="shelf"),
    path("tokens/<uuid:token>/", views.anything, name="token"),
    path("archive/<yyyy:year>/", views.anything, name="archive"),
    path("hook/", views.Hook.as_view(), name="hook"),
    path("about/", views.About.as_view(http_method_names=["get"])),
    path("stats/", views.stats),
    path("health/", views.Health.as_view()),
    path("books-list/", views.BookList.as_view(), name="book-list"),
    path("v2/", include((router.urls, "v2"), namespace="v2")),
    path("", include(books.urls)),
    path("legacy/", include(legacy)),
    path("exports/", include(exports)),
    path("ninja/", api.urls),
]

if settings.DEBUG:
    urlpatterns += [path("debug/", views.ping)]
else:
    urlpatterns.append(path("status/", views.Health.as_view()))
'''

API_CONVERTERS = '''
class FourDigitYear:
    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{value:04d}"
'''

PROJECT_URLS = '''
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
]
'''

LIBRARY_ADMIN = '''
from django.contrib import admin

from library.models import Author, Book

admin.site.register([Author])


@admin.register(Book)
class BookAdmin(admin.ModelAdmin):
    pass
'''

SETTINGS = '''
AUTH_USER_MODEL = "accounts.Member"
DEBUG = os.environ.get("TRICKY_DEBUG", "") == "1"
REST_FRAMEWORK = {"DEFAULT_FILTER_BACKENDS": ["rest_framework.filters.OrderingFilter"]}
'''


def make_tricky_project(root: Path) -> DjangoProject:
    return make_project(
        root,
        {
            "accounts": {"models.py": ACCOUNTS_MODELS},
            "library": {
                "apps.py": LIBRARY_APPS, "base.py": LIBRARY_BASE, "fields.py": LIBRARY_FIELDS,
                "models/__init__.py": LIBRARY_MODELS_INIT, "models/books.py": LIBRARY_MODELS,
                "models/people.py": LIBRARY_PEOPLE, "admin.py": LIBRARY_ADMIN,
            },
            "tools": {
                "base.py": TOOLS_BASE,
                "management/commands/export_books.py": TOOLS_EXPORT,
                "management/commands/book_cache.py": TOOLS_CACHE,
                "management/commands/isbn.py": TOOLS_LABELS,
                "management/commands/_helpers.py": "VALUE = 1\n",
            },
            "api": {
                "views.py": API_VIEWS, "serializers.py": API_SERIALIZERS,
                "ninja_api.py": API_NINJA, "urls.py": API_URLS, "converters.py": API_CONVERTERS,
            },
        },
        settings=SETTINGS,
        urls=PROJECT_URLS,
        installed=("django.contrib.admin", "django.contrib.sessions", "django.contrib.messages",
                   "rest_framework", "django_filters"),
    )
