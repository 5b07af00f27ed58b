"""Which examples of a page ``check --execute`` runs, read from real Markdown."""

from __future__ import annotations

from featuredocs.rules.fd8_code.runnable import runnable_examples
from tests.conftest import ParsePage


def _run(parse: ParsePage, body: str) -> list[tuple[str, int, str]]:
    page = parse("# Page\n\n## Usage Examples\n\n" + body, dedent=False)
    return [(example.kind.value, example.line, example.text) for example in runnable_examples(page)]


def test_python_blocks_run_as_written_sessions_without_their_prompts(parse: ParsePage) -> None:
    body = "```python\nfrom shelf.models import Book\nBook.objects.count()\n```\n\n```pycon\n>>> 1 + 1\n2\n```\n"
    assert _run(parse, body) == [
        ("python", 6, "from shelf.models import Book\nBook.objects.count()\n"),
        ("python", 11, "1 + 1\n\n"),
    ]


def test_excerpts_of_the_project_and_broken_blocks_are_not_run(parse: ParsePage) -> None:
    blocks = [
        "# settings.py\nSHELF_LIMIT = 10",
        "# shelf/models.py\nfrom django.db import models",
        "class Shelf(models.Model):\n    name = models.CharField(max_length=20)",
        "import os\n\nCACHES = {}\nCACHES['default'] = {}\nDEBUG: bool = True",
        "urlpatterns = [path('books/', views.books)]",
        "Book.objects.filter(title='Dune'",
        "",
    ]
    body = "".join(f"```python\n{block}\n```\n\n" for block in blocks)
    assert _run(parse, body) == []


def test_command_lines_with_placeholders_files_plumbing_or_help_are_not_run(parse: ParsePage) -> None:
    lines = [
        "python manage.py restock --count 5",
        "./manage.py restock --count <n>",
        "python manage.py restock [options]",
        "python manage.py import_books books.csv",
        "python manage.py import_books --source=exports/books.json",
        "python manage.py dumpdata shelf | head",
        "python manage.py dumpdata shelf > shelf.json",
        "python manage.py restock --help",
        "python manage.py help restock",
        "echo done",
    ]
    body = "```bash\n" + "\n".join(lines) + "\n```\n"
    assert _run(parse, body) == [("command", 6, "restock\n--count\n5")]


def test_requests_to_the_project_are_run_but_not_full_urls_or_placeholders(parse: ParsePage) -> None:
    requests = [
        "GET /api/books/?ordering=title HTTP/1.1\nAccept: application/json",
        "POST /api/books/ HTTP/1.1\nContent-Type: application/json\n\n{\"title\": \"Dune\"}",
        "GET /api/books/{id}/ HTTP/1.1",
        "GET /api/books/:id/ HTTP/1.1",
        "GET https://api.example.com/books/ HTTP/1.1",
        "HTTP/1.1 200 OK\nContent-Type: application/json",
    ]
    body = "".join(f"```http\n{request}\n```\n\n" for request in requests)
    found = _run(parse, body)
    assert [(kind, line) for kind, line, _ in found] == [("http", 6), ("http", 11)]
    assert found[1][2].endswith('{"title": "Dune"}')


def test_a_request_is_held_to_the_answer_its_section_shows_next(parse: ParsePage) -> None:
    request = "```http\nGET /api/books/ HTTP/1.1\n```\n\n"
    answer = '**Response:**\n```json\n{"results": []}\n```\n\n'
    body = request + answer + request + "**Request body:**\n```json\n{\"title\": \"Dune\"}\n```\n\n"
    body += request + "## Other\n\n" + answer + request + request + answer
    page = parse("# Page\n\n## Usage Examples\n\n" + body, dedent=False)
    answers = [(example.line, example.answer, example.answer_line) for example in runnable_examples(page)]
    assert answers == [
        (6, '{"results": []}', 11),
        (15, "", 0),  # the block after it is the next request's body
        (24, "", 0),  # the answer below is in another section
        (35, "", 0),  # the next block is another request
        (39, '{"results": []}', 44),
    ]


def test_a_comment_silencing_fd805_keeps_the_next_block_from_running(parse: ParsePage) -> None:
    block = "```python\nprint(1)\n```\n"
    assert len(_run(parse, "<!-- featuredocs: ignore FD805 -->\n" + block + "\n" + block)) == 1
    assert len(_run(parse, "<!-- featuredocs: ignore FD8 -->\n" + block)) == 0
    assert len(_run(parse, "<!-- featuredocs: ignore FD801 -->\n" + block)) == 1
    assert _run(parse, "<!-- featuredocs: ignore-file FD805 -->\n\n" + block + "\n" + block) == []
