"""Python examples are parsed once per text, and read alike by every family."""

from __future__ import annotations

import ast

from featuredocs.rules.fd3_models.pycode import python_blocks
from featuredocs.rules.fd8_code.python_text import prepared_python
from featuredocs.rules.fd8_code.source import python_source
from featuredocs.rules.pyblocks import parse_fresh, parsed

BLOCK = """\
```python
invoice = Invoice.objects.get(pk=1)
invoice.mark_paid()
```
"""


def test_one_text_is_parsed_once():
    first = parsed("total = 1\n")
    assert parsed("total = 1\n") is first
    assert first.tree is not None and first.error is None
    assert first.nodes == tuple(ast.walk(first.tree))
    assert parse_fresh("total = 1\n").tree is not first.tree


def test_syntax_errors_and_null_bytes():
    broken = parsed("print(1\n")
    assert broken.tree is None and broken.error is not None and broken.nodes == ()
    null = parsed("x = '\0'\n")
    assert null.tree is None  # an error of one kind or another, by Python version


def test_families_share_trees_across_pages(parse):
    one = parse(f"# One\n\n{BLOCK}", "features/one.md")
    two = parse(f"# Two\n\nSome text.\n\n{BLOCK}", "features/two.md")
    [model_block] = python_blocks(one)
    [other_page_block] = python_blocks(two)
    assert model_block.trees[0] is other_page_block.trees[0]
    assert python_source(one, one.code_blocks[0]).tree is model_block.trees[0]


def test_a_text_repeated_on_one_page_gets_nodes_of_its_own(parse):
    page = parse(f"# One\n\n{BLOCK}\n{BLOCK}")
    first, second = python_blocks(page)
    assert first.trees[0] is not second.trees[0]
    names = [{id(n) for n in block.nodes() if isinstance(n, ast.Name)} for block in (first, second)]
    assert names[0] and not names[0] & names[1]
    assert [b.code.first_line for b in (first, second)] == [4, 9]


def test_a_prompt_session_and_an_indented_block_read_the_same_code(parse):
    page = parse("""\
        # Session

        ```pycon
        >>> total = 1
        ```

        1. Indented:

           ```python
           total = 1
           ```
    """)
    session, indented = python_blocks(page)
    assert session.lines == indented.lines == ("total = 1",)
    assert session.trees[0] is not indented.trees[0]  # one page: nodes of its own
    assert session.span(1, 0, 5).column == 5 and indented.span(1, 0, 5).column == 4


def test_one_preparation_keeps_where_the_two_readings_of_a_block_differ():
    models, code = prepared_python("x = 1\n")
    assert models is code and code.text == "x = 1\n" and code.removed == (0,)
    # tabs: only the code family strips them as indentation
    models, code = prepared_python("\tx = 1\n\ty = 2\n")
    assert (models.text, models.removed) == ("\tx = 1\n\ty = 2\n", (0, 0))
    assert (code.text, code.removed) == ("x = 1\ny = 2\n", (1, 1))
    # a continuation prompt alone: only the code family reads a session
    models, code = prepared_python("... x\n")
    assert (models.text, code.text) == ("... x\n", "x\n")
    # a bare prompt is blank for both, but only the code family counts it as removed
    models, code = prepared_python(">>> x = 1\n>>>\n")
    assert models.text == code.text == "x = 1\n\n"
    assert (models.removed, code.removed) == ((4, 0), (4, 3))
    # a blank line longer than the indentation keeps its rest for the model family only
    models, code = prepared_python("    x = (\n        \n    )\n")
    assert (models.text, code.text) == ("x = (\n    \n)\n", "x = (\n\n)\n")
