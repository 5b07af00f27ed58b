"""What a sentence calls an inline code (``rules/fd8_code/source.py``): read from the
words right around it, also on a line that holds thousands of code spans (a generated
table row, a paragraph without line breaks), where each is read from a window of its
own rather than from the whole line."""

from __future__ import annotations

import re

from featuredocs.rules.fd8_code.source import called_by
from tests.conftest import ParsePage

BEFORE = re.compile(r"\benvironment\s+variable\s*$")
AFTER = re.compile(r"^\s*(?:,\s*)?(?:in|from)\s+the\s+environment\b")


def test_each_code_span_of_a_long_line_is_read_from_its_own_words(parse: ParsePage) -> None:
    sentences = [f"Set `SHOP_V{n}` in the environment." if n % 2 else f"Keep `total_{n}` as it is."
                 for n in range(3000)]
    page = parse("# Long\n\n" + " ".join(sentences) + "\n", dedent=False)
    assert len(page.codes) == 3000
    called = [called_by(page, code.span, BEFORE, AFTER) for code in page.codes]
    assert called == [bool(n % 2) for n in range(3000)]


def test_a_listed_name_is_called_what_the_list_is_called(parse: ParsePage) -> None:
    page = parse("# Env\n\nSet `SHOP_A`, `SHOP_B` and `SHOP_C` in the environment, and the "
                 "environment variable `SHOP_D`. Keep `total` as it is.\n", dedent=False)
    assert [called_by(page, code.span, BEFORE, AFTER) for code in page.codes] == [True, True, True, True, False]
