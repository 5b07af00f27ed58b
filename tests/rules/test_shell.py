"""Invocations read from real code blocks: prompts, continuations, chains, prefixes."""

from __future__ import annotations

import pytest

from featuredocs.model import Span
from featuredocs.rules.fd4_commands.invocations import invocations_in_block, is_illustrative, is_metavar
from featuredocs.rules.shell import scan, value_offsets


def invocations(parse, body: str, language: str = "bash"):
    page = parse(f"# T\n\n## Usage\n\n```{language}\n{body}\n```\n", dedent=False)
    return [found for code in page.code_blocks for found in invocations_in_block(page, code)]


def test_plain_line_gives_name_args_and_spans(parse):
    (found,) = invocations(parse, "python manage.py expire_orders --days 3")
    assert (found.launcher, found.name) == ("manage.py", "expire_orders")
    assert found.argv == ["--days", "3"]
    assert found.command.span == Span(6, 18, 6, 31)
    assert found.args[1].span == Span(6, 39, 6, 40)
    assert not found.illustrative


def test_prompt_comment_and_continuation_keep_page_positions(parse):
    (found,) = invocations(parse, "$ python manage.py expire_orders \\\n    --days 7  # a week")
    assert found.argv == ["--days", "7"]
    assert found.command.span == Span(6, 20, 6, 33)
    assert found.args[0].span == Span(7, 5, 7, 11)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("DEBUG=1 python3 manage.py migrate --check", [("migrate", ["--check"])]),
        ("uv run python manage.py check && ./manage.py migrate; echo ok",
         [("check", []), ("migrate", [])]),
        ("poetry run ./manage.py dumpdata auth > out.json 2>&1", [("dumpdata", ["auth"])]),
        ("python manage.py dumpdata | gzip > dump.gz", [("dumpdata", [])]),
        ("docker compose exec web python manage.py shell -c 'print(1)'",
         [("shell", ["-c", "print(1)"])]),
        ("django-admin startproject shop", [("startproject", ["shop"])]),
        ("python -m django check --deploy", [("check", ["--deploy"])]),
        ("0 2 * * * cd /srv/shop && python manage.py expire_orders",
         [("expire_orders", [])]),
        ('python manage.py export_orders "my file.csv"', [("export_orders", ["my file.csv"])]),
        # a flag written with both its forms, not a subshell; a real one still is
        ("python manage.py remind --(no-)notify --days 7 && (cd /srv && python manage.py check)",
         [("remind", ["--(no-)notify", "--days", "7"]), ("check", [])]),
    ],
)
def test_shell_shapes(parse, line, expected):
    assert [(found.name, found.argv) for found in invocations(parse, line)] == expected


@pytest.mark.parametrize(
    "line",
    [
        "cp manage.py backup/",
        "python manage.py --help",
        "echo 'python manage.py expire_orders'",
        "# python manage.py expire_orders",
        "python manage.py",
        "python manage.py help",
        "python manage.py help --commands",
        "django-admin version",
    ],
)
def test_lines_that_run_no_command(parse, line):
    assert invocations(parse, line) == []


@pytest.mark.parametrize(
    "line",
    [
        "python manage.py expire_orders [options]",
        "python manage.py import_orders <path>",
        "python manage.py send_reminders --channel <email|sms> --hours 24",
        "python manage.py expire_orders --days=$DAYS",
        "python manage.py expire_orders ...",
    ],
)
def test_placeholders_make_an_invocation_illustrative(parse, line):
    (found,) = invocations(parse, line)
    assert found.illustrative


def test_console_blocks_skip_output_lines(parse):
    body = "$ python manage.py expire_orders\nCancelled 3 orders\npython manage.py nothing_here"
    assert [found.name for found in invocations(parse, body, "console")] == ["expire_orders"]


def test_root_and_bare_prompts_in_a_session(parse):
    body = "# python manage.py migrate\n> python manage.py check\nroot@web:/srv# ./manage.py expire_orders"
    assert [found.name for found in invocations(parse, body, "console")] == [
        "migrate", "check", "expire_orders",
    ]


def test_other_languages_are_not_shell(parse):
    assert invocations(parse, "python manage.py expire_orders", "python") == []


def test_block_in_a_list_item_has_page_columns(parse):
    page = parse("# T\n\n1. Run:\n   ```bash\n   python manage.py migrate\n   ```\n", dedent=False)
    (found,) = invocations_in_block(page, page.code_blocks[0])
    assert found.command.span == Span(5, 21, 5, 28)


def test_placeholders_metavars_and_real_values():
    assert is_illustrative("<app>") and is_illustrative("--since=$DATE")
    assert is_illustrative("[--dry-run]") and is_illustrative("...")
    assert not is_illustrative("--days=3") and not is_illustrative("auth.User")
    assert is_metavar("N") and is_metavar("--days=N") and is_metavar("WARNING")
    assert not is_metavar("--days") and not is_metavar("Order")


def test_value_offsets_place_each_character_of_an_unquoted_word():
    text = """curl -H 'A: b' "x=\\"1\\"\\n"a\\ b plain"""
    words = scan(text)
    for word in words:
        assert "".join(text[at] for at in value_offsets(text, word)) == word.value
    quoted = words[3]
    assert quoted.value == 'x="1"\\na b'
    assert value_offsets(text, quoted)[:6] == (16, 17, 19, 20, 22, 23)


def test_help_names_the_command_it_explains_without_running_it(parse):
    (found,) = invocations(parse, "python manage.py help expire_orders")
    assert (found.name, found.argv, found.illustrative) == ("expire_orders", [], True)
    assert found.command.span == Span(6, 23, 6, 36)
