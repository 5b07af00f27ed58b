"""The pieces ``featuredocs new`` builds pages from, on hand-built facts (no Django)."""

from __future__ import annotations

import argparse
import ast
import shlex
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from featuredocs.generate.docs_context import DocsContext
from featuredocs.generate.page import feature_title, render_page, valid_name
from featuredocs.generate.render_base import RenderContext, live_links
from featuredocs.generate.scope import FeatureScope
from featuredocs.generate.template_text import split_template
from featuredocs.generate.usage import default_text, description, example_invocations, sample_value, usage_line
from featuredocs.generate.values import (
    duration_text,
    env_line,
    paginated,
    python_literal,
    setting_assignment,
)
from featuredocs.introspect.commands import option_facts
from featuredocs.markdown.schema import packaged_template
from featuredocs.model import (
    AppFact,
    CommandFact,
    EnvVarFact,
    ModelFact,
    OptionFact,
    ProjectFacts,
    SettingFact,
)
from featuredocs.secrets import MASK

APP = AppFact("billing", "billing", "billing", True)


def _ctx(scope: FeatureScope | None = None, docs: DocsContext | None = None) -> RenderContext:
    facts = ProjectFacts(root="/p", mode="live", apps=(APP,))
    return RenderContext(
        "Invoices", scope or FeatureScope(APP), facts, docs or DocsContext("features/invoices.md")
    )


# --- the template as text -------------------------------------------------------------------


def test_splitting_the_template_loses_nothing() -> None:
    text = packaged_template().read_text(encoding="utf-8")
    doc = split_template(text)
    rebuilt = "\n".join([*doc.preamble, *(line for s in doc.sections for line in s.iter_lines())])
    assert rebuilt == text.rstrip("\n")
    assert [s.title for s in doc.sections][:3] == ["Overview", "Architecture", "Data Models"]


def test_headings_inside_code_are_not_sections() -> None:
    doc = split_template("# T\n\n## A\n\n```markdown\n## Not a section\n```\n\n## B\n")
    assert [s.title for s in doc.sections] == ["A", "B"]
    assert "## Not a section" in doc.sections[0].lines


def test_a_teams_own_sections_are_kept_and_known_ones_filled() -> None:
    template = (
        "# [Feature Name]\n\n> **Brief tagline** - What it does\n\n"
        "## Ownership\n\nTeam: [Team name]\n\n"
        "## Data Models\n\n### [ModelName]\n\n[What the model is for]\n\n**Fields:**\n- `f` (Type): x\n"
    )
    model = ModelFact("billing", "Invoice", "billing.models")
    page = render_page(template, _ctx(FeatureScope(APP, models=(model,))))
    assert page.startswith("# Invoices\n\n> **Invoices** - [What it does]\n\n## Ownership\n\nTeam: [Team name]\n")
    assert "### Invoice\n\n[What the model is for]\n" in page
    assert "from billing.models import Invoice\n\ninstance = Invoice.objects.get(pk=1)\n" in page
    assert page.endswith("```\n") and not page.endswith("\n\n")


def test_sections_with_nothing_to_document_say_so() -> None:
    page = render_page(packaged_template().read_text(encoding="utf-8"), _ctx())
    for title in ("Data Models", "Management Commands", "API Endpoints"):
        assert f"## {title}\n\nNot applicable.\n" in page
    assert "### Environment Variables\n\nNot applicable.\n" in page


# --- links --------------------------------------------------------------------------------------


def test_links_that_would_not_resolve_become_placeholders() -> None:
    docs = DocsContext(
        "features/invoices.md",
        files=frozenset({"README.md", "commands.md"}),
        anchors={"commands.md": frozenset({"send_invoices"})},
    )
    lines = live_links(
        [
            "- [Index](../README.md) - map",
            "- [Other](other.md) - How it relates",
            "- [Cmds](../commands.md#feature-section) - ref",
            "- [Cmds](../commands.md#send_invoices) - ref",
            "- [Site](https://example.com) - ext",
        ],
        docs,
    )
    assert lines == [
        "- [Index](../README.md) - map",
        "- [Other] - How it relates",
        "- [Cmds](../commands.md) - ref",
        "- [Cmds](../commands.md#send_invoices) - ref",
        "- [Site](https://example.com) - ext",
    ]


# --- values and secrets ----------------------------------------------------------------------------


def test_secret_defaults_never_reach_the_page() -> None:
    key = EnvVarFact("BILLING_API_KEY", required=False, has_default=True, default="sk_live_123")
    dsn = EnvVarFact("BILLING_DSN_URL", required=False, has_default=True, default="postgres://app:hunter2@db/x")
    required = EnvVarFact("BILLING_TOKEN", required=True)
    assert env_line(key) == f'BILLING_API_KEY="{MASK}"'  # quoted: a shell would glob it
    assert "hunter2" not in env_line(dsn) and "postgres://app:" in env_line(dsn)
    assert env_line(required) == "BILLING_TOKEN=your_billing_token_here"


def test_secret_keys_inside_a_setting_are_masked() -> None:
    setting = SettingFact("BILLING", value="{'api_key': 'sk_live_123', 'timeout': 5}")
    text = setting_assignment(setting)
    assert "sk_live_123" not in text
    assert ast.literal_eval(text.split("=", 1)[1].strip()) == {"api_key": MASK, "timeout": 5}


def test_a_setting_that_is_not_a_literal_is_valid_python_all_the_same() -> None:
    text = setting_assignment(SettingFact("BASE_DIR", value="PosixPath('/srv/app')"))
    ast.parse(text)
    assert "PosixPath" not in text


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20))
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@given(values)
def test_python_literals_read_back_as_the_same_value(value: object) -> None:
    assert ast.literal_eval(python_literal(value)) == value


def test_durations_use_the_largest_exact_unit() -> None:
    assert [duration_text(s) for s in (900, 600, 3600, 86400, 90, 1)] == [
        "15 minutes", "10 minutes", "1 hour", "1 day", "90 seconds", "1 second",
    ]


def test_paginated_bodies_wrap_one_result_in_the_paginators_keys() -> None:
    assert paginated({"id": 0}, ()) == {"count": 0, "next": None, "previous": None, "results": [{"id": 0}]}
    assert paginated({"id": 0}, ("items", "total", "cursor")) == {"items": [{"id": 0}], "total": 0, "cursor": None}


# --- commands -----------------------------------------------------------------------------------------


COMMAND = CommandFact(
    "send_invoices",
    "billing",
    options=(
        OptionFact("month", type="int"),
        OptionFact("customers", nargs="+", metavar="CUSTOMER"),
        OptionFact("format", flags=("-f", "--format"), choices=("pdf", "html"), default="'pdf'"),
        OptionFact("limit", flags=("--limit",), type="int", default="100"),
        OptionFact("account", flags=("--account",), required=True),
        OptionFact("dry_run", flags=("--dry-run",), action="store_true", default="False", nargs="0"),
        OptionFact("verbosity", flags=("-v", "--verbosity"), type="int", default="1", base=True),
        OptionFact("secret", flags=("--secret",), help="==SUPPRESS=="),
    ),
)


def _parser(command: CommandFact) -> argparse.ArgumentParser:
    """The command's parser, rebuilt from its facts the plain argparse way."""
    parser = argparse.ArgumentParser(prog=command.name, exit_on_error=False)
    types = {"int": int}
    for option in command.options:
        names = option.flags or (option.dest,)
        kwargs: dict[str, object] = {}
        if option.action == "store_true":
            kwargs["action"] = "store_true"
        else:
            kwargs.update(type=types.get(option.type or "", str), choices=option.choices, nargs=option.nargs)
        if option.flags:
            kwargs.update(dest=option.dest, required=option.required)
        parser.add_argument(*names, **kwargs)  # type: ignore[arg-type]
    return parser


def test_example_invocations_parse_with_the_commands_parser() -> None:
    common, advanced = example_invocations(COMMAND)
    assert advanced is not None
    parser = _parser(COMMAND)
    for line in [*common, advanced]:
        words = shlex.split(line)
        assert words[:3] == ["python", "manage.py", "send_invoices"]
        parser.parse_args(words[3:])  # raises on anything the parser rejects


def test_example_invocations_give_one_option_of_each_mutually_exclusive_group() -> None:
    real = argparse.ArgumentParser(prog="prune_members", exit_on_error=False)
    real.add_argument("--days", type=int, default=365)
    real.add_argument("--limit", type=int)
    mode = real.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", action="store_true")
    mode.add_argument("--commit", action="store_true")
    output = real.add_mutually_exclusive_group()
    output.add_argument("--since", default="2024-01-01")
    output.add_argument("--until", default="2025-01-01")
    command = CommandFact("prune_members", "accounts", options=tuple(option_facts(real))[1:])  # not --help
    common, advanced = example_invocations(command)
    assert common and advanced is not None
    for line in [*common, advanced]:
        words = shlex.split(line)
        assert "--dry-run" in words and "--commit" not in words
        assert not {"--since", "--until"} <= set(words)
        real.parse_args(words[3:])  # raises on anything the parser rejects
    assert usage_line(command) == (
        "prune_members [--days DAYS] [--limit LIMIT] (--dry-run | --commit) [--since SINCE | --until UNTIL]"
    )


def test_usage_line_shows_arguments_then_options_without_base_or_hidden_ones() -> None:
    assert usage_line(COMMAND) == (
        "send_invoices <month> <CUSTOMER> [<CUSTOMER> ...] "
        "[--format {pdf,html}] [--limit LIMIT] --account ACCOUNT [--dry-run]"
    )
    assert usage_line(COMMAND, arguments_first=False) == (  # argparse's order, as `help` prints it
        "send_invoices [--format {pdf,html}] [--limit LIMIT] --account ACCOUNT [--dry-run] "
        "<month> <CUSTOMER> [<CUSTOMER> ...]"
    )


def test_options_with_several_values_read_as_argparse_writes_them() -> None:
    real = argparse.ArgumentParser(prog="deactivate_customers", exit_on_error=False)
    real.add_argument("--tiers", type=int, nargs="+", choices=[1, 2, 3], default=[1])
    real.add_argument("--months", type=int, nargs="*")
    real.add_argument("--pair", nargs=2)
    real.add_argument("--level", nargs="?")
    command = CommandFact("deactivate_customers", "customers", options=tuple(option_facts(real))[1:])  # not --help
    argparse_usage = " ".join(real.format_usage().split()).removeprefix("usage: ").replace(" [-h]", "")
    assert usage_line(command, arguments_first=False) == argparse_usage
    assert [default_text(option) for option in command.options] == ["1", None, None, None]


def test_page_names_and_titles() -> None:
    assert feature_title("order-expiry") == "Order Expiry"
    assert feature_title("payment_reminders.v2") == "Payment Reminders V2"
    assert [valid_name(n) for n in ("order-expiry", "a/b", "../x", "x.md", "", ".hidden")] == [
        True, False, False, False, False, False,
    ]


def test_renderer_output_is_the_same_for_the_same_input(tmp_path: Path) -> None:
    template = packaged_template().read_text(encoding="utf-8")
    assert render_page(template, _ctx()) == render_page(template, _ctx())


def test_a_secret_options_default_is_masked_and_never_used_as_an_example() -> None:
    command = CommandFact(
        "sync_ledger", "billing",
        options=(
            OptionFact("api_key", flags=("--api-key",), default="'sk_live_123'",
                       help="Ledger key (%(default)s unless set); 100%% private"),
            OptionFact("days", flags=("--days",), type="int", default="7"),
        ),
    )
    option = command.options[0]
    assert default_text(option) == MASK
    assert sample_value(option) == "api-key"
    assert description(option) == f"Ledger key ({MASK} unless set); 100% private"
    common, advanced = example_invocations(command)
    assert "sk_live_123" not in " ".join([*common, advanced or ""])


def test_an_options_default_joins_its_help_without_doubled_punctuation() -> None:
    command = CommandFact("send_invoices", "billing", options=(
        OptionFact("limit", flags=("--limit",), type="int", default="0", help="Stop after this many (0: no limit)."),
        OptionFact("batch", flags=("--batch",), type="int", default="50", help="Invoices per query."),
    ))
    page = render_page(packaged_template().read_text(encoding="utf-8"), _ctx(FeatureScope(APP, commands=(command,))))
    assert "- `--limit`: Stop after this many (0: no limit; default: 0)\n" in page
    assert "- `--batch`: Invoices per query (default: 50)\n" in page
