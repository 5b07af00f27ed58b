"""Small hand-built ProjectFacts for fast FD3/FD8 unit tests (no Django, no child process)."""

from __future__ import annotations

from featuredocs.model import AppFact, FieldFact, IndexFact, ModelFact, ProjectFacts, SourceLocation


def at(path: str, line: int) -> SourceLocation:
    return SourceLocation(path, line)


def field(name: str, cls: str, internal: str | None = None, line: int = 1, path: str = "", **kw: object) -> FieldFact:
    location = at(path, line) if path else None
    column = kw.pop("column", name if cls not in {"ManyToManyField"} else None)
    return FieldFact(
        name=name,
        field_class=cls,
        internal_type=internal or cls,
        column=column,  # type: ignore[arg-type]
        location=location,
        **kw,  # type: ignore[arg-type]
    )


def pk(path: str) -> FieldFact:
    return field("id", "BigAutoField", path=path, line=1, primary_key=True, auto_created=True)


CUSTOMERS = "customers/models.py"
BILLING = "billing/models.py"

CUSTOMER = ModelFact(
    app_label="customers",
    name="Customer",
    module="customers.models",
    fields=(
        pk(CUSTOMERS),
        field("name", "CharField", path=CUSTOMERS, line=5),
        field("email", "EmailField", "CharField", path=CUSTOMERS, line=6, unique=True),
        field("user", "OneToOneField", path=CUSTOMERS, line=7, column="user_id",
              related_model="auth.User", is_relation=True, unique=True),
        FieldFact("invoices", "ManyToOneRel", "ForeignKey", related_model="billing.Invoice",
                  is_relation=True, reverse=True, auto_created=True, query_name="invoice",
                  location=at(BILLING, 12)),
    ),
    indexes=(IndexFact("unique", ("email",), location=at(CUSTOMERS, 6)),),
    attributes=("display_name", "send_reminder"),
    location=at(CUSTOMERS, 3),
)

INVOICE = ModelFact(
    app_label="billing",
    name="Invoice",
    module="billing.models",
    fields=(
        pk(BILLING),
        field("number", "CharField", path=BILLING, line=11, unique=True),
        field("customer", "ForeignKey", path=BILLING, line=12, column="customer_id",
              related_model="customers.Customer", is_relation=True, db_index=True),
        field("total", "DecimalField", path=BILLING, line=13),
        field("status", "CharField", path=BILLING, line=14, choices=("draft", "paid")),
        field("created_at", "DateTimeField", path=BILLING, line=15),
        field("notes", "TextField", path=BILLING, line=16, blank=True),
        field("tags", "ManyToManyField", path=BILLING, line=17, related_model="catalog.Tag",
              is_relation=True, many_to_many=True),
        FieldFact("lines", "ManyToOneRel", "ForeignKey", related_model="billing.InvoiceLine",
                  is_relation=True, reverse=True, auto_created=True, query_name="lines",
                  location=at(BILLING, 40)),
    ),
    indexes=(
        IndexFact("unique", ("number",), location=at(BILLING, 11)),
        IndexFact("db_index", ("customer",), location=at(BILLING, 12)),
        IndexFact("index", ("status", "-created_at"), name="invoice_status_created_idx",
                  location=at(BILLING, 25)),
        IndexFact("unique_constraint", ("customer", "number"), name="uniq_customer_number",
                  location=at(BILLING, 27)),
    ),
    attributes=("Status", "is_overdue", "mark_paid", "get_status_display", "objects"),
    location=at(BILLING, 9),
)

INVOICE_LINE = ModelFact(
    app_label="billing",
    name="InvoiceLine",
    module="billing.models",
    fields=(
        pk(BILLING),
        field("invoice", "ForeignKey", path=BILLING, line=41, column="invoice_id",
              related_model="billing.Invoice", is_relation=True, db_index=True),
        field("amount", "DecimalField", path=BILLING, line=42),
        field("product", "ForeignKey", path=BILLING, line=43, column="product_id",
              related_model="catalog.Item", is_relation=True, db_index=True),
    ),
    location=at(BILLING, 39),
)


def item(app: str) -> ModelFact:
    path = f"{app}/models.py"
    return ModelFact(app, "Item", f"{app}.models", fields=(pk(path), field("title", "CharField", path=path, line=4)),
                     location=at(path, 3))


TAG = ModelFact("catalog", "Tag", "catalog.models", fields=(pk("catalog/models.py"),
                field("label", "SlugField", path="catalog/models.py", line=10)),
                location=at("catalog/models.py", 9))

USER = ModelFact(
    "auth", "User", "django.contrib.auth.models",
    fields=(field("id", "AutoField", primary_key=True, auto_created=True),
            field("username", "CharField"), field("email", "EmailField", "CharField")),
)
GROUP_AUTH = ModelFact("auth", "Group", "django.contrib.auth.models", fields=(field("name", "CharField"),))
GROUP_OWN = ModelFact("customers", "Group", "customers.models",
                      fields=(field("title", "CharField", path=CUSTOMERS, line=30),),
                      location=at(CUSTOMERS, 29))


def facts() -> ProjectFacts:
    return ProjectFacts(
        root="/project",
        mode="live",
        apps=(
            AppFact("auth", "django.contrib.auth", "", False),
            AppFact("customers", "customers", "customers", True),
            AppFact("billing", "billing", "billing", True),
            AppFact("catalog", "catalog", "catalog", True),
            AppFact("orders", "orders", "orders", True),
        ),
        models=(USER, GROUP_AUTH, CUSTOMER, INVOICE, INVOICE_LINE, item("catalog"), item("orders"),
                TAG, GROUP_OWN),
    )
