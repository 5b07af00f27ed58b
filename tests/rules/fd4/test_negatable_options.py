"""Boolean options written with both their forms (``--[no-]notify``), against the
commands of a real project (see ``reminders``) read live and statically."""

from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.model import Applicability, ProjectFacts, Span
from featuredocs.rules.fd4_commands.fd402_option_not_accepted import OptionNotAccepted
from featuredocs.rules.fd4_commands.fd403_stale_option_default import StaleOptionDefault
from featuredocs.rules.fd4_commands.fd404_invalid_invocation import InvalidInvocation
from featuredocs.rules.fd4_commands.fd405_undocumented_option import UndocumentedOption
from featuredocs.rules.fd4_commands.fd406_option_choices_differ import OptionChoicesDiffer
from tests.rules.fd4.reminders import MODES, WHERE, make_reminders, reminders_facts
from tests.support.rules import run_rule

RULES = (OptionNotAccepted, StaleOptionDefault, InvalidInvocation, UndocumentedOption, OptionChoicesDiffer)


@pytest.fixture(scope="module")
def project_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reminders")
    make_reminders(root)
    return root


@pytest.fixture(scope="module", params=MODES)
def facts(request: pytest.FixtureRequest, project_root: Path) -> ProjectFacts:
    return reminders_facts(project_root, request.param)


def page_with(options: str, usage: str = "python manage.py remind --no-notify --days 7") -> str:
    return f"""\
# Payment Reminders

## Management Commands

### remind

```bash
{usage}
```

{options}
"""


LISTED = """\
**Options:**
- `--[no-]notify`: Email the customer (default: true)
- `--urgent`: Mark the reminder urgent
- `--days`: Age in days (default: 3)
"""


def findings(parse, text: str, facts: ProjectFacts) -> list[tuple[str, Span, str]]:
    page = parse(text)
    return [(f.code, f.span, f.message) for rule in RULES for f in run_rule(rule, page, facts)]


def test_the_facts_give_a_boolean_optional_option_both_flags(facts):
    command = facts.command("remind")
    assert command is not None and command.options_complete
    notify = command.option("--notify")
    assert notify is not None and notify.flags == ("--notify", "--no-notify")
    assert command.option("--no-urgent") is None


@pytest.mark.parametrize("written", ["`--[no-]notify`", "`--(no-)notify`", "`--notify/--no-notify`",
                                     "`--notify`, `--no-notify`", "**`--[no-]notify`**"])
def test_an_options_item_in_either_notation_documents_both_flags(parse, facts, written):
    text = page_with(LISTED.replace("`--[no-]notify`", written))
    assert findings(parse, text, facts) == []


def test_a_table_row_and_a_definition_document_both_flags(parse, facts):
    table = """\
| Option | Default | Description |
| --- | --- | --- |
| `--[no-]notify` | `true` | Email the customer |
| `--urgent` | | Mark the reminder urgent |
| `--days N` | `3` | Age in days |
"""
    definitions = """\
**Options:**

`--(no-)notify`
: Email the customer (default: on)

`--urgent`
: Mark the reminder urgent

`--days N`
: Age in days (default: 3)
"""
    assert findings(parse, page_with(table), facts) == []
    assert findings(parse, page_with(definitions), facts) == []


def test_one_flag_alone_leaves_the_other_form_undocumented_nowhere(parse, facts):
    # ``--notify`` is one option: naming either of its flags documents it
    text = page_with(LISTED.replace("`--[no-]notify`", "`--no-notify`"))
    assert findings(parse, text, facts) == []


def test_fd405_names_a_missing_boolean_option_in_the_notation(parse, facts):
    text = page_with(LISTED.replace("- `--[no-]notify`: Email the customer (default: true)\n", ""))
    assert findings(parse, text, facts) == [
        ("FD405", Span(11, 1, 11, 13), "option `--[no-]notify` of `remind` is not in its Options list"),
    ]


def test_fd402_renames_a_misspelt_notation_keeping_it(parse, facts):
    for written, renamed in (("--[no-]notfy", "--[no-]notify"), ("--(no-)notfy", "--(no-)notify")):
        page = parse(page_with(LISTED.replace("--[no-]notify", written)))
        (finding,) = run_rule(OptionNotAccepted, page, facts)
        assert (finding.span, finding.message, finding.hint) == (
            Span(12, 4, 12, 16),
            f"option `{written}` is documented for `remind`, which has no such option",
            f"did you mean `{renamed}`? ({WHERE})",
        )
        assert [e.replacement for e in finding.fix.edits] == [renamed]
        assert finding.fix.applicability is Applicability.UNSAFE


def test_fd402_reports_the_no_form_of_a_plain_flag(parse, facts):
    page = parse(page_with(LISTED.replace("`--urgent`", "`--[no-]urgent`")))
    (finding,) = run_rule(OptionNotAccepted, page, facts)
    assert (finding.span, finding.message, finding.hint) == (
        Span(13, 4, 13, 17),
        "`--[no-]urgent` names `--no-urgent` too, which `remind` does not accept",
        f"`remind` takes `--urgent` alone ({WHERE})",
    )
    assert [e.replacement for e in finding.fix.edits] == ["--urgent"]
    assert finding.fix.applicability is Applicability.SAFE
    assert run_rule(UndocumentedOption, page, facts) == []  # ``--urgent`` is documented


def test_fd402_reports_the_missing_form_written_out_in_a_pair(parse, facts):
    page = parse(page_with(LISTED.replace("`--urgent`", "`--urgent/--no-urgent`")))
    (finding,) = run_rule(OptionNotAccepted, page, facts)
    assert (finding.span, finding.message) == (
        Span(13, 13, 13, 24), "option `--no-urgent` is documented for `remind`, which has no such option",
    )


def test_prose_reads_the_notation(parse, facts):
    clean = page_with(LISTED) + "\nPass `--[no-]notify` to `remind` to choose whether customers hear of it.\n"
    assert findings(parse, clean, facts) == []
    for written, message in (
        ("--[no-]notfy", "option `--[no-]notfy` is named for `remind`, which has no such option"),
        ("--[no-]urgent", "`--[no-]urgent` names `--no-urgent` too, which `remind` does not accept"),
    ):
        page = parse(clean.replace("--[no-]notify` to", f"{written}` to"))
        (finding,) = run_rule(OptionNotAccepted, page, facts)
        assert (finding.span, finding.message) == (Span(17, 7, 17, 7 + len(written)), message)


def test_fd403_compares_the_default_given_to_a_notation(parse, facts):
    page = parse(page_with(LISTED.replace("(default: true)", "(default: false)")))
    (finding,) = run_rule(StaleOptionDefault, page, facts)
    column = page.line_text(12).index("false") + 1
    assert (finding.span, finding.message) == (
        Span(12, column, 12, column + 5),
        "`--[no-]notify` is documented to default to `false`, but defaults to `true`",
    )
    assert [e.replacement for e in finding.fix.edits] == ["true"]


def test_fd403_reads_the_default_a_sentence_gives_a_notation(parse, facts):
    clean = page_with(LISTED) + "\nUnder `remind`, `--[no-]notify` defaults to true.\n"
    assert run_rule(StaleOptionDefault, parse(clean), facts) == []
    page = parse(clean.replace("defaults to true", "defaults to false"))
    (finding,) = run_rule(StaleOptionDefault, page, facts)
    assert finding.span.line == 17
    assert finding.message == "`--[no-]notify` is documented to default to `false`, but defaults to `true`"


def test_fd404_parses_both_forms_and_each_plain_flag(parse, facts):
    for usage in ("python manage.py remind --no-notify", "python manage.py remind --notify --urgent",
                  "python manage.py remind --[no-]notify --days 7", "python manage.py remind --(no-)notify"):
        assert run_rule(InvalidInvocation, parse(page_with(LISTED, usage)), facts) == [], usage
    for usage, culprit in (("python manage.py remind --no-urgent", "--no-urgent"),
                           ("python manage.py remind --[no-]urgent --days 7", "--[no-]urgent"),
                           ("python manage.py remind --(no-)urgent --days 7", "--(no-)urgent")):
        (finding,) = run_rule(InvalidInvocation, parse(page_with(LISTED, usage)), facts)
        column = usage.index(culprit) + 1
        assert finding.span == Span(8, column, 8, column + len(culprit)), usage
        assert finding.message == "`manage.py remind` rejects this: unrecognized arguments: --no-urgent"
        assert finding.hint == f"did you mean `--urgent`? ({WHERE})"


def test_fd404_reads_the_notation_in_inline_code(parse, facts):
    clean = page_with(LISTED) + "\nRun `python manage.py remind --[no-]notify` as needed.\n"
    assert run_rule(InvalidInvocation, parse(clean), facts) == []
    page = parse(clean.replace("--[no-]notify` as", "--[no-]urgent` as"))
    (finding,) = run_rule(InvalidInvocation, page, facts)
    assert finding.span == Span(17, 30, 17, 43)
