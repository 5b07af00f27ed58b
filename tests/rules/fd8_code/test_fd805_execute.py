"""FD805 and ``check --execute``: a real small project's examples run against its test
database, through the installed console script.

The project's database is a SQLite file in a folder that does not exist: an example that
reached the real database instead of the test one would fail loudly.
"""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest

from featuredocs.config import load_config
from featuredocs.execute import execute_examples
from featuredocs.model.examples import Example, ExampleKind
from tests.cli.support import featuredocs
from tests.support.django_project import make_project

MODELS = """
from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=100)
    pages = models.PositiveIntegerField()
    price_cents = models.PositiveIntegerField(default=0)

    def discount(self, percent):
        return self.price_cents * (100 - percent) // 100
"""

RESTOCK = """
from django.core.management.base import BaseCommand, CommandError

from shelf.models import Book


class Command(BaseCommand):
    help = "Add copies of every book."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1)

    def handle(self, *args, count, **options):
        if count > 100:
            raise CommandError(f"--count is at most 100, not {count}")
        self.stdout.write(f"{Book.objects.count()} books restocked")
"""

VIEWS = """
import json

from django.http import HttpResponse, JsonResponse

from shelf.models import Book


def books(request):
    return JsonResponse({"results": [book.title for book in Book.objects.all()]})


def book(request, pk):
    found = Book.objects.get(pk=pk)
    return JsonResponse({"id": found.pk, "title": found.title, "pages": found.pages})


def crash(request):
    return JsonResponse({"ratio": 1 / Book.objects.count()})


def unavailable(request):
    return HttpResponse("maintenance", status=503)


def secret(request):
    raise ValueError("api_token=s3cr3t-value-123 was refused")


def add_book(request):
    if not request.user.is_authenticated:
        return JsonResponse({"detail": "Authentication credentials were not provided."}, status=403)
    data = json.loads(request.body or b"{}")
    missing = {name: ["This field is required."] for name in ("title", "pages") if name not in data}
    if missing:
        return JsonResponse(missing, status=400)
    return JsonResponse({"id": Book.objects.create(**data).pk}, status=201)
"""

URLS = """
from django.urls import path

from shelf import views

urlpatterns = [
    path("api/books/", views.books),
    path("api/crash/", views.crash),
    path("api/unavailable/", views.unavailable),
    path("api/secret/", views.secret),
    path("api/books/new/", views.add_book),
    path("api/books/<int:pk>/", views.book),
]
"""

FIXTURE = [
    {"model": "shelf.book", "pk": 1, "fields": {"title": "Dune", "pages": 412, "price_cents": 1000}},
    {"model": "auth.user", "pk": 1, "fields": {"username": "reader", "password": "!", "date_joined": "2025-03-01T09:00:00Z"}},
]

SESSIONS = """
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
"""

ADDING = """\
# Adding books

## Usage Examples

```http
POST /api/books/new/ HTTP/1.1
Content-Type: application/json

{"title": "Solaris", "pages": 204}
```

```http
POST /api/books/new/ HTTP/1.1
Content-Type: application/json

{"title": "Solaris"}
```
"""

CLEAN = """\
# Books

## Usage Examples

```python
from shelf.models import Book

book = Book.objects.create(title="Solaris", pages=204, price_cents=900)
```

The next block goes on where the last one stopped:

```python
assert book.discount(10) == 810
assert Book.objects.get(title="Dune").pages == 412
```

A fragment of a longer session, and a row the test database does not hold:

```python
print(book_id)
```

```python
solaris = await Book.objects.aget(title="Solaris")
```

```python
Book.objects.get(title="Missing")
```

```python
# settings.py
SHELF_LIMIT = int(os.getenv("SHELF_LIMIT", "10"))
```

```python
class Shelf(models.Model):
    name = models.CharField(max_length=20)
```

```bash
python manage.py restock --count 5
python manage.py restock --count <n>
python manage.py check --deploy
```

```http
GET /api/books/ HTTP/1.1
```

**Response:**
```json
{"results": ["Dune", "Solaris"]}
```

```http
GET /api/books/{id}/ HTTP/1.1
```

```http
GET /api/books/1/ HTTP/1.1
```

```http
HTTP/1.1 200 OK
Content-Type: application/json

{
    "id": 1,
    "title": "Dune",
    "pages": 412
}
```
"""

DRIFTED = """\
# Books

## Usage Examples

```python
from shelf.models import Book

Book.objects.create(title="Solaris")
```

```python
book = Book.objects.get(title="Dune")
print(book.discount(rate=10))
```

```python
assert Book.objects.count() == 1  # the savepoint of the failed example is gone
```

```bash
python manage.py restock --count 500
```

```http
GET /api/unavailable/ HTTP/1.1
```

```http
GET /api/secret/ HTTP/1.1
```
"""

ROLLED_BACK = """\
# Leftovers

## Usage Examples

```python
from shelf.models import Book

assert not Book.objects.filter(title="Solaris").exists(), "a page saw another page's rows"
```
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    make_project(
        tmp_path,
        {"shelf": {"models.py": MODELS, "views.py": VIEWS, "management/commands/restock.py": RESTOCK}},
        urls=URLS,
        settings=SESSIONS,
        installed=("django.contrib.sessions",),
    )
    (tmp_path / "shelf" / "fixtures").mkdir()
    (tmp_path / "shelf" / "fixtures" / "books.json").write_text(json.dumps(FIXTURE), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.featuredocs]\nexecute-fixtures = ["books"]\n', encoding="utf-8")
    (tmp_path / "docs" / "features").mkdir(parents=True)
    return tmp_path


def _page(project: Path, name: str, text: str) -> None:
    (project / "docs" / "features" / name).write_text(text, encoding="utf-8")


def _fd805(project: Path, *args: str) -> tuple[list[dict[str, object]], str]:
    run = featuredocs("check", "--execute", "--no-cache", "--select", "FD805", "--format", "json", *args, cwd=project)
    assert run.code in (0, 1), run.err
    return json.loads(run.out)["findings"], run.err


def test_correct_examples_pass_and_fragments_are_not_judged(project: Path) -> None:
    _page(project, "books.md", CLEAN)
    found, err = _fd805(project)
    assert found == []
    # two Python blocks, the command and the request passed; the fragment, the missing
    # row and Django's own command were run but not judged; excerpts and placeholders not run
    assert "ran 9 examples: 5 passed, 0 failed, 4 not judged" in err
    assert "1 awaited at the top level (not run)" in err
    assert "1 used a name defined elsewhere" in err
    assert "1 needed rows the test database lacks" in err
    assert "1 named another package's command (not run)" in err


def test_failing_examples_are_reported_where_they_fail(project: Path) -> None:
    _page(project, "books.md", DRIFTED)
    found, _ = _fd805(project)
    by_line = {finding["line"]: finding["message"] for finding in found}
    assert set(by_line) == {8, 13, 21, 25, 29}
    assert "IntegrityError" in by_line[8]
    assert "TypeError" in by_line[13] and "rate" in by_line[13]
    assert "`manage.py restock --count 500` failed: --count is at most 100, not 500" in by_line[21]
    assert "`GET /api/unavailable/` answered 503" in by_line[25]
    assert "`GET /api/secret/` raised ValueError" in by_line[29]
    assert "s3cr3t-value-123" not in json.dumps(found)
    assert all(finding["code"] == "FD805" for finding in found)


def test_each_page_runs_in_a_transaction_rolled_back_at_its_end(project: Path) -> None:
    _page(project, "a-books.md", CLEAN)
    _page(project, "b-leftovers.md", ROLLED_BACK)
    found, _ = _fd805(project)
    assert found == []


def test_a_view_that_raises_is_reported(project: Path) -> None:
    # No fixture: the view divides by the number of books, none.
    (project / "pyproject.toml").write_text("[tool.featuredocs]\n", encoding="utf-8")
    _page(project, "crash.md", "# Crash\n\n## Usage Examples\n\n```http\nGET /api/crash/ HTTP/1.1\n```\n")
    found, _ = _fd805(project)
    assert [(f["line"], "ZeroDivisionError" in str(f["message"])) for f in found] == [(6, True)]


def test_requests_are_sent_as_the_login_and_a_required_field_left_out_is_reported(project: Path) -> None:
    _page(project, "adding.md", ADDING)
    found, err = _fd805(project)
    assert found == []  # without a login both are refused: not the page's fault
    assert "2 were refused without a login (--login)" in err
    found, err = _fd805(project, "--login", "reader")
    assert [(f["line"], f["message"]) for f in found] == [
        (13, "example fails when run: `POST /api/books/new/` answered 400: `pages` is required"),
    ]
    assert "ran 2 examples: 1 passed, 1 failed" in err


def test_a_login_nobody_has_is_one_line_and_exit_2(project: Path) -> None:
    _page(project, "adding.md", ADDING)
    run = featuredocs("check", "--execute", "--no-cache", "--login", "nobody", cwd=project)
    assert run.code == 2
    assert run.err.strip().splitlines()[-1].endswith(
        "cannot run the examples: no user `nobody` to log in as: load one with the fixtures"
    )


ANSWERED_OTHERWISE = """\
# Book

## Usage Examples

```http
GET /api/books/1/ HTTP/1.1
```

```http
HTTP/1.1 201 Created
Content-Type: application/json

{
    "id": 1,
    "name": "Dune",
    "pages": "412"
}
```
"""


def test_a_request_answered_otherwise_than_the_page_shows_is_reported(project: Path) -> None:
    _page(project, "book.md", ANSWERED_OTHERWISE)
    found, err = _fd805(project)
    assert "ran 1 example: 0 passed, 1 failed" in err  # one example, three ways
    assert [(f["line"], f["message"]) for f in found] == [
        (10, "example fails when run: `GET /api/books/1/` answered 200, the page shows 201"),
        (15, "example fails when run: `GET /api/books/1/` answers without `name` (it has `id`, `title`, `pages`)"),
        (16, "example fails when run: `GET /api/books/1/` answers `pages` as a number, the page shows a string"),
    ]


def test_without_execute_the_examples_are_not_run(project: Path) -> None:
    _page(project, "books.md", DRIFTED)
    run = featuredocs("check", "--no-cache", "--select", "FD805", "--format", "json", cwd=project)
    assert (run.code, json.loads(run.out)["findings"]) == (0, [])
    assert "ran " not in run.err


def test_a_suppression_comment_keeps_the_block_under_it_from_running(project: Path) -> None:
    text = DRIFTED.replace("```bash\n", "<!-- featuredocs: ignore FD805 -->\n```bash\n")
    _page(project, "books.md", text)
    found, err = _fd805(project)
    assert [finding["line"] for finding in found] == [8, 13, 26, 30]  # all but the command
    assert "ran 5 examples" in err
    _page(project, "books.md", "<!-- featuredocs: ignore-file FD805 -->\n" + DRIFTED)
    found, err = _fd805(project)
    assert found == []
    assert "found no examples to run" in err


def test_an_example_that_runs_too_long_is_stopped(project: Path) -> None:
    config = load_config(root=project)
    plan = {"features/slow.md": (
        Example(ExampleKind.PYTHON, 5, "while True:\n    pass\n"),
        Example(ExampleKind.PYTHON, 9, "x = 1\n"),
    )}
    report = execute_examples(config, plan, time_limit=0.5)
    assert [(f.line, f.message) for f in report.failures["features/slow.md"]] == [(5, "did not finish within 0.5 s")]
    assert report.passed == 1


def test_a_failure_inside_an_earlier_blocks_function_is_reported_where_this_block_calls_it(project: Path) -> None:
    plan = {"features/helper.md": (
        Example(ExampleKind.PYTHON, 5, "def ratio():\n    return 1 / 0\n"),
        Example(ExampleKind.PYTHON, 10, "ready = True\nprint(ratio())\n"),
    )}
    report = execute_examples(load_config(root=project), plan)
    assert [(f.line, f.message) for f in report.failures["features/helper.md"]] == [
        (11, "ZeroDivisionError: division by zero"),
    ]


def test_a_service_that_is_not_running_is_not_the_pages_fault(project: Path) -> None:
    plan = {"features/services.md": (
        Example(ExampleKind.PYTHON, 5, "class ConnectError(Exception):\n    pass\n\nraise ConnectError('redis:6379 refused')\n"),
        Example(ExampleKind.PYTHON, 12, "class OperationalError(Exception):\n    pass\n\nraise OperationalError('broker')\n"),
        Example(ExampleKind.PYTHON, 19, "raise RuntimeError('the page is wrong')\n"),
        Example(ExampleKind.PYTHON, 23, "from django.db import connection\n\nconnection.cursor().execute('SELECT nope FROM shelf_book')\n"),
    )}
    report = execute_examples(load_config(root=project), plan)
    assert [f.line for f in report.failures["features/services.md"]] == [19, 25]  # raw SQL is the page's
    assert report.not_judged == (("needed a service that is not running", 2),)


def test_an_unset_variable_the_projects_own_error_names_is_not_the_pages_fault(project: Path) -> None:
    raising = "from django.core.management.base import CommandError\n\nraise CommandError({!r})\n"
    plan = {"features/settings.md": (
        Example(ExampleKind.PYTHON, 5, raising.format("SHELF_SMS_API_KEY is not set")),
        Example(ExampleKind.PYTHON, 12, raising.format("PATH is not set")),  # it is: the page's
        Example(ExampleKind.PYTHON, 19, raising.format("--count is at most 100")),
    )}
    report = execute_examples(load_config(root=project), plan)
    failures = report.failures["features/settings.md"]
    assert [(f.line, f.message) for f in failures] == [
        (14, "CommandError: PATH is not set"), (21, "CommandError: --count is at most 100"),
    ]
    assert report.not_judged == (("needed an environment variable", 1),)


def test_static_mode_cannot_execute(project: Path) -> None:
    _page(project, "books.md", CLEAN)
    run = featuredocs("check", "--execute", "--no-cache", "--mode", "static", cwd=project)
    assert run.code == 2
    assert run.err.strip().splitlines()[-1].endswith("--execute runs the examples in the project: it needs live mode, not static")
    assert "Traceback" not in run.err


def test_a_fixture_that_does_not_load_is_one_line_and_exit_2(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.featuredocs]\nexecute-fixtures = ["nowhere"]\n', encoding="utf-8")
    _page(project, "books.md", CLEAN)
    run = featuredocs("check", "--execute", "--no-cache", cwd=project)
    assert run.code == 2
    last = run.err.strip().splitlines()[-1]
    assert "cannot run the examples: cannot load the fixtures" in last and "nowhere" in last
    assert "Traceback" not in run.err


def test_a_test_database_that_cannot_be_created_is_one_line_and_exit_2(project: Path) -> None:
    settings = project / "project" / "settings.py"
    settings.write_text(settings.read_text(encoding="utf-8") + textwrap.dedent("""
        DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shelf",
                                 "HOST": "127.0.0.1", "PORT": "1", "USER": "nobody"}}
    """), encoding="utf-8")
    _page(project, "books.md", CLEAN)
    run = featuredocs("check", "--execute", "--no-cache", "--select", "FD805", cwd=project)
    assert run.code == 2
    assert "cannot run the examples: cannot create the test databases:" in run.err.strip().splitlines()[-1]
    assert "Traceback" not in run.err


SHOP = Path(__file__).resolve().parents[3] / "examples" / "shop"

#: Drift only running the examples shows: (page, line, text before, text after, error).
RUNTIME_DRIFTS = [
    ("product-catalog.md", 159, "product.reserve(2)", "product.reserve(2, hold_minutes=15)",
     "TypeError: Product.reserve() got an unexpected keyword argument 'hold_minutes'"),
    ("order-lifecycle.md", 165, ", unit_price_cents=product.price_cents", "",
     "IntegrityError: NOT NULL constraint failed: orders_orderitem.unit_price_cents"),
    ("payment-reminders.md", 142, "Channel.SMS", "Channel.PUSH", "AttributeError: PUSH"),
    ("order-lifecycle.md", 277, '{"items": [{"product": "TEA-001"', '{"lines": [{"product": "TEA-001"',
     "`POST /api/v1/orders/` answered 400: `items` is required"),
]
#: The bundled example's rows and user for its examples.
SHOP_DATA = ("--fixture", "docs_examples", "--login", "ada")


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    copy = tmp_path / "shop"
    shutil.copytree(SHOP, copy, ignore=shutil.ignore_patterns(".featuredocs_cache", "__pycache__", "*.sqlite3"))
    return copy


def test_the_bundled_examples_all_pass_on_their_fixtures(shop: Path) -> None:
    run = featuredocs("check", "--execute", "--no-cache", "--format", "json", *SHOP_DATA, cwd=shop)
    assert (run.code, json.loads(run.out)["findings"]) == (0, [])
    # not judged: an SMS without the gateway's key (twice), two fragments, and paying an
    # order the page's own expire_orders run had expired (409)
    assert "ran 52 examples: 47 passed, 0 failed, 5 not judged" in run.err
    assert "1 were answered 409" in run.err
    assert not list(shop.glob("*.sqlite3"))  # the project's own database was never opened


def test_the_drifted_example_gives_its_listed_drifts_and_no_second_report_of_them(shop: Path) -> None:
    run = featuredocs("check", "--execute", "--no-cache", "--docs", "docs-drifted", "--format", "json", *SHOP_DATA,
                      cwd=shop)
    found = sorted((f["path"].split("/", 1)[1], f["line"], f["code"]) for f in json.loads(run.out)["findings"])
    listed = sorted((d["page"], d["line"], d["code"]) for d in json.loads((shop / "drifts.json").read_text()))
    assert found == listed
    # an attribute, a field and a response name FD804, FD803 and FD504 report already
    assert "3 failed (3 already reported by other rules on the same line)" in run.err


def test_drift_only_running_shows_is_reported_on_the_bundled_example(shop: Path) -> None:
    for name, _, before, after, _ in RUNTIME_DRIFTS:
        page = shop / "docs" / "features" / name
        text = page.read_text(encoding="utf-8")
        assert text.count(before) >= 1
        page.write_text(text.replace(before, after, 1), encoding="utf-8")
    run = featuredocs("check", "--execute", "--no-cache", "--format", "json", *SHOP_DATA, cwd=shop)
    found = json.loads(run.out)["findings"]
    assert run.code == 1
    assert sorted((f["path"], f["line"], f["code"]) for f in found) == sorted(
        (f"docs/features/{name}", line, "FD805") for name, line, *_ in RUNTIME_DRIFTS
    )
    messages = {(f["path"].rsplit("/", 1)[1], f["line"]): f["message"] for f in found}
    for name, line, _, _, error in RUNTIME_DRIFTS:
        assert messages[name, line] == f"example fails when run: {error}"
