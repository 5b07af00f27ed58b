"""FD403 and FD406 on the defaults and values that sentences give an option right after
naming it, against hand-built facts where `expire_orders --days` defaults to 3 and
`--batch-size` to 500, and `export_orders --format` takes `csv` or `json`."""

from __future__ import annotations

import pytest

from featuredocs.model import Span
from featuredocs.rules.fd4_commands.fd403_stale_option_default import StaleOptionDefault
from featuredocs.rules.fd4_commands.fd406_option_choices_differ import OptionChoicesDiffer
from tests.rules.fd4.facts import FACTS
from tests.support.rules import run_rule

HEADED = "# Orders\n\n## Management Commands\n\n### expire_orders\n\n{sentence}\n"


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("The `--batch-size` option defaults to 1000, which suits most shops.", "1000"),
        ("Pass `--days` (default: 7) to widen the window.", "7"),
        ("Leave `--batch-size` alone; it defaults to 500. `--days` defaults to `5`.", "5"),
        ("`--days` [default: 2] sets the age in days.", "2"),
        # a few words on, in parentheses, with no other code or clause end between
        ("Orders older than `--days` days (default: 7) are expired.", "7"),
        ("`--batch-size` sets how many orders each transaction holds (200 by default).", "200"),
        # a conjunction ends the clause
        ("The `--days` option defaults to 7 and the `--batch-size` option takes a number.", "7"),
    ],
)
def test_a_stale_default_a_sentence_gives_an_option(parse, sentence: str, written: str) -> None:
    page = parse(HEADED.format(sentence=sentence), dedent=False)
    (finding,) = run_rule(StaleOptionDefault, page, FACTS)
    column = sentence.rindex(written) + 1
    assert finding.span == Span(7, column, 7, column + len(written))
    assert finding.message.endswith(f"is documented to default to `{written}`, but defaults to `"
                                    + ("500`" if "batch" in finding.message else "3`"))
    assert [edit.replacement for edit in finding.fix.edits] == ["500" if "batch" in finding.message else "3"]


def test_a_default_on_the_line_a_sentence_wraps_onto(parse) -> None:
    sentence = "`--batch-size` sets how many orders each\ntransaction holds (200 by default)."
    page = parse(HEADED.format(sentence=sentence), dedent=False)
    (finding,) = run_rule(StaleOptionDefault, page, FACTS)
    assert finding.span == Span(8, 20, 8, 23)
    agreeing = parse(HEADED.format(sentence=sentence.replace("200", "500")), dedent=False)
    assert run_rule(StaleOptionDefault, agreeing, FACTS) == []


def test_a_default_on_a_line_that_starts_an_item_of_its_own_is_not_the_sentences(parse) -> None:
    sentence = "`--batch-size` sets how many orders each\n- transaction holds (200 by default)."
    assert run_rule(StaleOptionDefault, parse(HEADED.format(sentence=sentence), dedent=False), FACTS) == []


def test_a_default_named_for_the_command_a_sentence_names(parse) -> None:
    page = parse("# Orders\n\nRun `manage.py expire_orders`; its `--days` defaults to 7.\n", dedent=False)
    (finding,) = run_rule(StaleOptionDefault, page, FACTS)
    assert finding.message == "`--days` is documented to default to `7`, but defaults to `3`"


@pytest.mark.parametrize(
    "sentence",
    [
        "The `--batch-size` option defaults to 500, which suits most shops.",
        "`--days` defaults to 3 days.",
        # what follows the value makes it about something else, or not one value
        "`--batch-size` defaults to 200 on the database side, but that is its own setting.",
        "`--days` defaults to 7 or the value of `ORDER_EXPIRY_DAYS`.",
        "`--days` defaults to 3 and 7 on weekends.",
        "`--days` defaults to the shop's own window.",
        # a change, another program, another time
        "`--days` used to default to 7; it was renamed in 2.0.",
        "Run `pip install --upgrade` first; `--days` defaults to 7 there.",
        # the parentheses follow another name, or another clause
        "`--days` widens the `ORDER_WINDOW` (default: 7).",
        "`--days` widens the window; the gateway keeps its own (7 by default).",
        "`--batch-size` holds orders (off by default).",
    ],
)
def test_silent_on_sentences_that_agree_or_do_not_give_a_default(parse, sentence: str) -> None:
    page = parse(HEADED.format(sentence=sentence), dedent=False)
    assert run_rule(StaleOptionDefault, page, FACTS) == [], sentence


def test_silent_without_one_command_to_speak_of(parse) -> None:
    page = parse("# Orders\n\nThe `--days` option defaults to 7.\n", dedent=False)
    assert run_rule(StaleOptionDefault, page, FACTS) == []
    both = "# Orders\n\n`expire_orders` and `export_orders` take `--days`, which defaults to 7.\n"
    assert run_rule(StaleOptionDefault, parse(both, dedent=False), FACTS) == []


EXPORT = "# Orders\n\n## Management Commands\n\n### export_orders\n\n{sentence}\n"


def test_values_a_sentence_lists_for_an_option_with_choices(parse) -> None:
    sentence = "The `--format` option takes one of `csv`, `json` or `xml`."
    (finding,) = run_rule(OptionChoicesDiffer, parse(EXPORT.format(sentence=sentence), dedent=False), FACTS)
    column = sentence.index("xml") + 1
    assert (finding.span, finding.message) == (Span(7, column, 7, column + 3), "`xml` is not a choice of `--format`")
    assert finding.fix.edits[0].replacement == "`csv` or `json`"
    sentence = "Run `manage.py export_orders` with `--format` set to `csv`, `json` or `yaml`."
    (finding,) = run_rule(OptionChoicesDiffer, parse(f"# Orders\n\n{sentence}\n", dedent=False), FACTS)
    assert finding.message == "`yaml` is not a choice of `--format`"


@pytest.mark.parametrize(
    "sentence",
    [
        "The `--format` option takes one of `csv` or `json`.",
        "`--format` is `csv` or `json`; pick `json` for the warehouse.",
        # values of something else: file names, another option's values
        "`--format` writes `orders.csv` or `orders.xlsx` into the folder.",
        "`--format` picks the format; `--since` takes `today` or `yesterday`.",
        "Use `--format json` or `--format csv` as needed.",
        "`--format` used to take `csv`, `tsv` or `json`; `tsv` was removed in 2.0.",
    ],
)
def test_silent_on_values_that_agree_or_are_not_the_options(parse, sentence: str) -> None:
    page = parse(EXPORT.format(sentence=sentence), dedent=False)
    assert run_rule(OptionChoicesDiffer, page, FACTS) == [], sentence
