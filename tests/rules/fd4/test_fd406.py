"""FD406 OptionChoicesDiffer on hand-built facts: `export_orders --format` takes `csv` or `json`."""

from __future__ import annotations

from featuredocs.model import Applicability, Span
from featuredocs.rules.fd4_commands.fd406_option_choices_differ import OptionChoicesDiffer
from tests.rules.fd4.facts import FACTS
from tests.support.rules import run_rule


def _page(options: str) -> str:
    return f"# Order Export\n\n## Management Commands\n\n### export_orders\n\n**Options:**\n{options}"


def test_a_value_the_parser_rejects_with_the_close_choice(parse):
    page = parse(_page("- `--format`: Output format, `csv` or `jsonl` (default: csv)\n"))
    (finding,) = run_rule(OptionChoicesDiffer, page, FACTS)
    assert (finding.code, finding.span) == ("FD406", Span(8, 40, 8, 45))
    assert finding.message == "`jsonl` is not a choice of `--format`"
    assert finding.hint == "did you mean `json`?"
    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
    assert [(e.span, e.replacement) for e in finding.fix.edits] == [(Span(8, 30, 8, 46), "`csv` or `json`")]


def test_a_complete_list_that_leaves_a_choice_out(parse):
    page = parse(_page("- `-f`, `--format`: One of `csv`, `xml` (default: csv)\n"))
    (finding,) = run_rule(OptionChoicesDiffer, page, FACTS)
    assert (finding.span, finding.message) == (Span(8, 36, 8, 39), "`xml` is not a choice of `--format`")
    assert finding.hint == "the command's parser accepts `csv`, `json`"
    assert finding.fix.edits[0].replacement == "`csv`, `json`"
    page = parse(_page("- `-f`, `--format`: Either `csv` or `csv`\n"))
    (finding,) = run_rule(OptionChoicesDiffer, page, FACTS)
    assert (finding.span, finding.message) == (Span(8, 28, 8, 42), "the values listed for `--format` leave out `json`")
    assert finding.fix.edits[0].replacement == "`csv` or `json`"


def test_a_table_row_and_a_slash_list(parse):
    page = parse(_page(
        "| Option | Default | Description |\n| --- | --- | --- |\n"
        "| `--format` | `csv` | `csv`/`yaml` |\n"
    ))
    (finding,) = run_rule(OptionChoicesDiffer, page, FACTS)
    assert (finding.span, finding.message) == (Span(10, 31, 10, 35), "`yaml` is not a choice of `--format`")
    assert finding.fix.edits[0].replacement == "`csv`/`json`"


def test_examples_are_checked_for_rejected_values_only(parse):
    page = parse(_page("- `--format`: Output format, e.g. `csv` (default: csv)\n"
                       "- `--since`: A date such as `today` or `yesterday`\n"))
    assert run_rule(OptionChoicesDiffer, page, FACTS) == []
    page = parse(_page("- `--format`: Output format, such as `csv` or `tsv`\n"))
    assert [f.message for f in run_rule(OptionChoicesDiffer, page, FACTS)] == ["`tsv` is not a choice of `--format`"]


def test_silent_on_the_right_values_and_on_what_lists_no_values(parse):
    page = parse(_page(
        "- `--format`: `csv` or `json`; `csv` by default\n"
        "- `--since`: `today` or `yesterday` (any date the option takes)\n"  # no choices: any value
        "- `path`: Where to write, e.g. `out.csv`\n"
    ))
    assert run_rule(OptionChoicesDiffer, page, FACTS) == []
    page = parse(_page("- `--format`: Writes `csv` and reads `json`, the two formats\n"))
    assert run_rule(OptionChoicesDiffer, page, FACTS) == []
    page = parse(_page("- `--format`: `csv` (the default), or `json` with `--format json`\n"))
    assert run_rule(OptionChoicesDiffer, page, FACTS) == []


def test_a_value_named_elsewhere_in_the_description_is_not_left_out(parse):
    page = parse(_page("- `--format`: `json` for the API; else `csv` or `csv`\n"))
    assert run_rule(OptionChoicesDiffer, page, FACTS) == []


def test_quoted_values_and_silence_without_facts(parse):
    page = parse(_page("- `--format`: Either `'csv'` or `'json'`\n"))
    assert run_rule(OptionChoicesDiffer, page, FACTS) == []
    page = parse(_page("- `--format`: Either `'csv'` or `'xml'`\n"))
    (finding,) = run_rule(OptionChoicesDiffer, page, FACTS)
    assert finding.fix.edits[0].replacement == "`'csv'` or `'json'`"
    assert run_rule(OptionChoicesDiffer, page, None) == []


def test_choices_in_the_options_own_code_as_argparse_writes_them(parse):
    page = parse(_page("- `--format {csv,json,xml}`: Output format (default: csv)\n"))
    (finding,) = run_rule(OptionChoicesDiffer, page, FACTS)
    assert (finding.span, finding.message) == (Span(8, 23, 8, 26), "`xml` is not a choice of `--format`")
    assert [(e.span, e.replacement) for e in finding.fix.edits] == [(Span(8, 13, 8, 27), "{csv,json}")]
    page = parse(_page("- `--format {csv}`: Output format\n- `-f {csv,json}`: Output format\n"))
    assert [f.message for f in run_rule(OptionChoicesDiffer, page, FACTS)] == []
    table = "| Option | Default | Description |\n| --- | --- | --- |\n| `--format {csv,xml}` | `csv` | How |\n"
    (finding,) = run_rule(OptionChoicesDiffer, parse(_page(table)), FACTS)
    assert (finding.span, finding.message) == (Span(10, 18, 10, 21), "`xml` is not a choice of `--format`")
    assert run_rule(OptionChoicesDiffer, parse(_page(table.replace("xml", "json"))), FACTS) == []


def test_values_given_as_a_sub_list(parse):
    page = parse(_page(
        "- `--format`: one of:\n"
        "  - `csv`: comma-separated\n"
        "  - `tsv`: tab-separated\n"
        "- `--since`: A date\n"
    ))
    (finding,) = run_rule(OptionChoicesDiffer, page, FACTS)
    assert (finding.span, finding.message, finding.fix) == (Span(10, 6, 10, 9), "`tsv` is not a choice of `--format`", None)
    complete = parse(_page("- `--format`: one of:\n  - `csv`: comma-separated\n  - `csv`: again\n"))
    assert [f.message for f in run_rule(OptionChoicesDiffer, complete, FACTS)] == [
        "the values listed for `--format` leave out `json`",
    ]
    prose = parse(_page("- `--format`: one of:\n  - `csv`: comma-separated\n  - or any other format\n"))
    assert run_rule(OptionChoicesDiffer, prose, FACTS) == []


def test_a_choices_column_lists_every_value(parse):
    page = parse(_page(
        "| Option | Choices | Default |\n| --- | --- | --- |\n"
        "| `--format` | `csv` | `csv` |\n| `--since` | | |\n"
        "| `-f` | `csv`, `xml` | |\n"
    ))
    (finding,) = run_rule(OptionChoicesDiffer, page, FACTS)
    assert (finding.span, finding.message) == (Span(12, 18, 12, 21), "`xml` is not a choice of `-f`")
    assert finding.fix.edits[0].replacement == "`csv`, `json`"
