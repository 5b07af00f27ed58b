"""A plain ModelSerializer's response shape, read without building its fields, is the
shape its built fields give; every other serializer is left to be built."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.introspect.urls.driver import SQLITE_SETTINGS, child_env
from tests.support.django_project import make_project

SETTINGS = SQLITE_SETTINGS + """
REST_FRAMEWORK = {"COERCE_DECIMAL_TO_STRING": False}
"""

MODELS = """
from django.db import models


class Tag(models.Model):
    label = models.SlugField(unique=True)


class Customer(models.Model):
    name = models.CharField(max_length=100, help_text="Who pays")
    email = models.EmailField(null=True, blank=True)
    tags = models.ManyToManyField(Tag, blank=True)


class Order(models.Model):
    STATUS = [("new", "New"), ("paid", "Paid")]
    customer = models.ForeignKey(Customer, related_name="orders", on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, to_field="label", null=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=10, choices=STATUS, default="new")
    total = models.DecimalField(max_digits=10, decimal_places=2)
    rate = models.DecimalField(max_digits=4, decimal_places=1, choices=[(1, "one")])
    notes = models.TextField(blank=True)
    data = models.JSONField(default=dict)
    ref = models.UUIDField(null=True)
    when = models.DateField(null=True)
    active = models.BooleanField(default=True)

    class Meta:
        unique_together = [("customer", "ref")]

    @property
    def label(self):
        return str(self.pk)


class Receipt(models.Model):
    order = models.OneToOneField(Order, primary_key=True, on_delete=models.CASCADE)
    code = models.CharField(max_length=8)
"""

SERIALIZERS = """
from rest_framework import serializers
from shop.models import Customer, Order, Receipt, Tag


class AllCustomer(serializers.ModelSerializer):
    class Meta:
        model = Customer
        fields = "__all__"


class ListedCustomer(serializers.ModelSerializer):
    class Meta:
        model = Customer
        fields = ["id", "name", "orders", "tags", "email"]


class ExcludedOrder(serializers.ModelSerializer):
    class Meta:
        model = Order
        exclude = ["customer", "ref"]


class ListedOrder(serializers.ModelSerializer):
    class Meta:
        model = Order
        fields = ["id", "tag", "status", "total", "rate", "notes", "data", "when", "active", "label"]


class UniqueOrder(serializers.ModelSerializer):
    class Meta:
        model = Order
        fields = ["id", "customer", "ref", "status"]


class ReadOnlyOrder(serializers.ModelSerializer):
    class Meta:
        model = Order
        fields = ["id", "status", "total"]
        read_only_fields = ["status"]


class WriteOnlyOrder(serializers.ModelSerializer):
    class Meta:
        model = Order
        fields = ["id", "status", "notes"]
        extra_kwargs = {"notes": {"write_only": True}}


class DeepOrder(serializers.ModelSerializer):
    class Meta:
        model = Order
        fields = ["id", "customer", "tag"]
        depth = 1


class DeclaredOrder(serializers.ModelSerializer):
    total = serializers.CharField()

    class Meta:
        model = Order
        fields = ["id", "total"]


class LinkedOrder(serializers.HyperlinkedModelSerializer):
    class Meta:
        model = Order
        fields = ["url", "status"]


class CustomBuiltOrder(serializers.ModelSerializer):
    class Meta:
        model = Order
        fields = ["id", "status"]

    def build_field(self, *args):
        return serializers.ReadOnlyField, {}


class OwnReceipt(serializers.ModelSerializer):
    class Meta:
        model = Receipt
        fields = ["order", "code"]


class UnknownName(serializers.ModelSerializer):
    class Meta:
        model = Tag
        fields = ["id", "nope"]
"""

_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
import django
django.setup()
from shop import serializers as module
from featuredocs.introspect.urls.drf_model_shapes import plain_model_shape
from featuredocs.introspect.urls.drf_serializers import built_fields, json_type_of_class
from featuredocs.model.serialize import to_jsonable
found = {}
for name, cls in vars(module).items():
    if isinstance(cls, type) and cls.__module__ == module.__name__:
        shape = plain_model_shape(cls(), json_type_of_class)
        found[name] = [shape is not None, to_jsonable(shape), to_jsonable(built_fields(cls()))]
print(json.dumps(found))
"""

PLAIN = {"AllCustomer", "ListedCustomer", "ExcludedOrder", "ListedOrder"}


@pytest.fixture(scope="module")
def shapes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    root: Path = tmp_path_factory.mktemp("shapes")
    make_project(root, apps={"shop": {"models.py": MODELS, "serializers.py": SERIALIZERS}},
                 settings=SETTINGS, installed=("rest_framework",))
    result = subprocess.run([sys.executable, "-c", _CHILD, str(root)], capture_output=True,
                            text=True, env=child_env("project.settings"), timeout=120, cwd=root)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_plain_model_serializers_are_read_without_building_fields(shapes: dict[str, list]) -> None:
    assert {name for name, (plain, _, _) in shapes.items() if plain} == PLAIN


def test_the_shape_read_is_the_shape_built(shapes: dict[str, list]) -> None:
    for name in PLAIN:
        _, read, built = shapes[name]
        assert built is not None and read == built, name


def test_decimals_follow_the_setting_and_choices_win(shapes: dict[str, list]) -> None:
    _, read, _ = shapes["ListedOrder"]
    types = {field["name"]: field["type"] for field in read}
    assert types["total"] == "number" and types["rate"] == "string" and types["label"] is None
