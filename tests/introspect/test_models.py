"""Models, fields, relations, inheritance and indexes of a real project, read live."""

from __future__ import annotations

import pytest

from featuredocs.model import FieldFact, ModelFact, ProjectFacts, SourceLocation
from tests.introspect.projects import connection_attempted, make_live_project

BASE = '''
from django.db import models
from django.utils import timezone


class TimeStamped(models.Model):
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        indexes = [models.Index(fields=["created_at"], name="%(class)s_created_idx")]

    def age(self):
        return timezone.now() - self.created_at
'''

ORDER = '''
from django.db import models
from django.db.models.functions import Lower, Now

from shop.models.base import TimeStamped


class PaidManager(models.Manager):
    pass


class Order(TimeStamped):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PAID = "paid", "Paid"

    number = models.CharField(max_length=20, unique=True, help_text="Shown on invoices")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    customer = models.ForeignKey(
        "auth.User", on_delete=models.CASCADE, related_name="orders", null=True, blank=True
    )
    reference: str = models.CharField(max_length=40, db_index=True, default="")
    tags = models.ManyToManyField("shop.Tag", blank=True)

    objects = models.Manager()
    paid = PaidManager()

    class Meta:
        ordering = ["-created_at"]
        unique_together = [("customer", "reference")]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="order_status_idx"),
            models.Index(Lower("number"), name="order_number_lower_idx"),
            models.Index(fields=["customer"], name="order_paid_idx",
                         condition=models.Q(status="paid")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["customer", "number"], name="uniq_customer_number",
                                    condition=models.Q(status="paid")),
            models.CheckConstraint(condition=models.Q(number__gt=""), name="number_not_empty"),
        ]

    @property
    def is_paid(self):
        return self.status == self.Status.PAID

    @classmethod
    def open_orders(cls):
        return cls.objects.filter(status=cls.Status.DRAFT)

    def mark_paid(self):
        self.status = self.Status.PAID


class OrderItem(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    sku = models.CharField(max_length=30)
    quantity = models.PositiveIntegerField(default=1)
    priority = models.IntegerField(db_default=5)
    added_at = models.DateTimeField(db_default=Now())


class Tag(TimeStamped):  # no Meta of its own: inherits the abstract base's indexes
    name = models.SlugField(unique=True)


class GiftOrder(Order):
    message = models.TextField(blank=True)


class ArchivedOrder(Order):
    class Meta:
        proxy = True
'''

INIT = '''
from shop.models.base import TimeStamped
from shop.models.orders import ArchivedOrder, GiftOrder, Order, OrderItem, Tag
'''


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    root = tmp_path_factory.mktemp("models")
    project = make_live_project(root, {
        "shop": {
            "models.py": "",
            "models/__init__.py": INIT,
            "models/base.py": BASE,
            "models/orders.py": ORDER,
        },
    })
    (root / "shop" / "models.py").unlink()  # the app keeps its models in a package
    result = project.facts()
    assert not connection_attempted(project)
    return result


def model(facts: ProjectFacts, label: str) -> ModelFact:
    found = facts.model(label)
    assert found is not None, f"{label} not in {[m.label for m in facts.models]}"
    return found


def field(model_fact: ModelFact, name: str) -> FieldFact:
    found = model_fact.field(name)
    assert found is not None, f"{model_fact.label} has no field {name}"
    return found


def test_apps_are_marked_as_the_projects_own_or_not(facts: ProjectFacts) -> None:
    apps = {app.label: app for app in facts.apps}
    assert apps["shop"].project and apps["shop"].path == "shop"
    assert not apps["auth"].project and apps["auth"].path == ""


def test_models_in_a_package_with_their_source_lines(facts: ProjectFacts) -> None:
    order = model(facts, "shop.Order")
    assert order.module == "shop.models.orders"
    assert order.location == SourceLocation("shop/models/orders.py", 11)
    assert field(order, "number").location == SourceLocation("shop/models/orders.py", 16)
    # annotated assignment, and a field inherited from an abstract base in another file
    assert field(order, "reference").location == SourceLocation("shop/models/orders.py", 21)
    assert field(order, "created_at").location == SourceLocation("shop/models/base.py", 6)
    assert field(order, "id").location is None  # created by Django, written nowhere


def test_field_details(facts: ProjectFacts) -> None:
    order = model(facts, "shop.Order")
    status = field(order, "status")
    assert (status.field_class, status.internal_type) == ("CharField", "CharField")
    assert status.choices == ("draft", "paid")
    assert status.has_default and status.default == "'draft'"
    assert field(order, "created_at").default == "timezone.now"
    number = field(order, "number")
    assert number.unique and number.help_text == "Shown on invoices" and not number.null
    customer = field(order, "customer")
    assert customer.related_model == "auth.User" and customer.is_relation
    assert customer.null and customer.blank and customer.column == "customer_id"
    assert field(order, "customer_id") is customer  # found by column too
    tags = field(order, "tags")
    assert tags.many_to_many and tags.related_model == "shop.Tag"
    assert field(order, "id").primary_key and field(order, "id").auto_created
    item = model(facts, "shop.OrderItem")
    assert field(item, "quantity").default == "1"
    assert (field(item, "priority").has_default, field(item, "priority").default) == (True, "5")
    assert field(item, "added_at").default == "Now()"
    assert not field(item, "sku").has_default and field(item, "sku").default is None


def test_reverse_relations_use_accessor_names(facts: ProjectFacts) -> None:
    order = model(facts, "shop.Order")
    items = field(order, "items")
    assert items.reverse and items.related_model == "shop.OrderItem"
    assert items.field_class == "ManyToOneRel" and items.query_name == "items"
    assert items.location == SourceLocation("shop/models/orders.py", 55)
    tag = model(facts, "shop.Tag")
    assert field(tag, "order_set").reverse and field(tag, "order_set").query_name == "order"
    user = model(facts, "auth.User")
    assert field(user, "orders").reverse


def test_abstract_multi_table_and_proxy_inheritance(facts: ProjectFacts) -> None:
    base = model(facts, "shop.TimeStamped")
    assert base.abstract and field(base, "created_at").name == "created_at"
    assert "age" in base.attributes
    order = model(facts, "shop.Order")
    assert order.bases == ("shop.TimeStamped",) and order.parents == ()
    gift = model(facts, "shop.GiftOrder")
    assert gift.parents == ("shop.Order",)
    assert field(gift, "number").inherited_from == "shop.Order"
    assert field(gift, "message").inherited_from is None
    assert field(gift, "order_ptr").primary_key
    archived = model(facts, "shop.ArchivedOrder")
    assert archived.proxy and archived.parents == ()
    assert "shop.Order" in archived.bases
    assert field(archived, "status").inherited_from == "shop.Order"


def test_attributes_and_managers(facts: ProjectFacts) -> None:
    order = model(facts, "shop.Order")
    for name in ("is_paid", "open_orders", "mark_paid", "age", "Status", "objects", "paid",
                 "get_status_display"):
        assert name in order.attributes, name
    for name in ("save", "delete", "number", "customer_id", "DoesNotExist", "_meta"):
        assert name not in order.attributes, name
    assert order.managers == ("objects", "paid")
    assert order.ordering == ("-created_at",)


def test_indexes_of_every_kind(facts: ProjectFacts) -> None:
    order = model(facts, "shop.Order")
    by_name = {index.name: index for index in order.indexes if index.name}
    assert by_name["order_status_idx"].fields == ("status", "-created_at")
    assert by_name["order_status_idx"].location == SourceLocation("shop/models/orders.py", 31)
    # expressions and conditions as the code writes them
    assert by_name["order_number_lower_idx"].expressions == ('Lower("number")',)
    assert by_name["order_paid_idx"].condition == 'models.Q(status="paid")'
    # a Meta of its own replaces the abstract base's Meta, indexes included (Django's rule)
    assert "order_created_idx" not in by_name
    unique = by_name["uniq_customer_number"]
    assert unique.kind == "unique_constraint" and unique.fields == ("customer", "number")
    assert unique.condition == 'models.Q(status="paid")'
    check = by_name["number_not_empty"]  # no index, but a rule a page may name
    assert (check.kind, check.fields, check.condition) == ("check_constraint", ("number",), 'models.Q(number__gt="")')
    kinds = {(index.kind, index.fields) for index in order.indexes}
    assert ("unique", ("number",)) in kinds
    assert ("db_index", ("reference",)) in kinds
    assert ("db_index", ("customer",)) in kinds  # a foreign key is indexed
    assert ("unique_together", ("customer", "reference")) in kinds
    assert not any(index.fields == ("id",) for index in order.indexes)


def test_indexes_inherited_from_an_abstract_base(facts: ProjectFacts) -> None:
    tag = model(facts, "shop.Tag")
    inherited = [index for index in tag.indexes if index.name == "tag_created_idx"]
    assert [index.fields for index in inherited] == [("created_at",)]
    assert inherited[0].location == SourceLocation("shop/models/base.py", 10)
    assert ("unique", ("name",)) in {(index.kind, index.fields) for index in tag.indexes}
