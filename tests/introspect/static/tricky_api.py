"""The tricky project's ``api`` app: function and class views, DRF views, viewsets and
routers, serializers, a django-ninja API, a path converter and the URLconf."""

API_VIEWS = '''
from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import TemplateView
from django_filters import rest_framework as filters
from rest_framework import generics, viewsets
from rest_framework.decorators import action, api_view
from rest_framework.filters import OrderingFilter, SearchFilter
from rest_framework.pagination import CursorPagination, LimitOffsetPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from api.serializers import AuthorSerializer, BookSerializer
from library.models import Author, Book


class Offsets(LimitOffsetPagination):
    default_limit = 10
    max_limit = 40


class ByNewest(CursorPagination):
    ordering = "-public_id"
    page_size = 5


class NewestFirst(OrderingFilter):
    def get_default_ordering(self, view):
        return ("-price",)


class BookFilter(filters.FilterSet):
    cheap = filters.BooleanFilter(method="filter_cheap")
    kind = filters.ChoiceFilter(field_name="format", choices=Book.Format.choices)

    class Meta:
        model = Book
        fields = {"format": ["exact"], "price": ["lt", "gt"], "shelf": ["exact", "isnull"]}


@require_http_methods(["GET", "POST"])
def ping(request):
    if "verbose" in request.GET:
        return JsonResponse({"ok": True, "detail": {"version": 1}})
    return JsonResponse({"ok": True, "detail": {"version": 2}})


def anything(request, slug):
    sort = request.GET.get("sort", default="name")
    return JsonResponse({"slug": slug, "page": int(request.GET["page"]), "sort": sort})


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
    filter_backends = [filters.DjangoFilterBackend, SearchFilter, NewestFirst]
    filterset_class = BookFilter
    search_fields = ["name"]
    ordering = "name"


class AuthorViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Author.objects.all()
    serializer_class = AuthorSerializer
    pagination_class = ByNewest
    lookup_field = "name"
    ordering = ["name", "-public_id"]

    @action(detail=False, url_path="top-rated")
    def top_rated(self, request):
        minimum = request.query_params.get("minimum", "4")
        return Response([minimum])

    @action(detail=True, methods=["post", "delete"], serializer_class=AuthorSerializer)
    def follow(self, request, name=None):
        return Response({})

    @action(detail=False)
    def stats(self, request):
        return Response({"count": 0, "by_format": {"paper": 0}})


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

from ninja import NinjaAPI, Query, Router, Schema

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
def shelf_books(request, shelf_id: int, limit: int = Query(20)):
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
