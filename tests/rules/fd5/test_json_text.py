"""``json_text.unplaced``: the body ``parse`` reads, without places, for plain JSON only."""

from __future__ import annotations

import pytest

from featuredocs.rules.fd5_endpoints.json_text import Node, parse, unplaced

PLAIN = [
    '{"id": 1, "name": "Ada", "tags": ["a", "b"], "owner": {"id": 2, "email": null}}',
    '[{"id": 1}, {"id": 2, "paid": true}]',
    '{\n  "count": 2,\n  "next": null,\n  "results": [\n    {"sku": "A-1", "price": "9.50"}\n  ]\n}',
    '{"name": "a // not a comment", "escaped \\"key\\"": 1.5e3, "\\u00e9t\\u00e9": -0}',
    '{"same": 1, "same": 2}',
    '"just a string"',
    "[]",
]

LIBERTIES = [
    '{"id": 1, // the primary key\n "name": "Ada"}',
    '{"id": 1, "name": "Ada",}',
    '{"id": 1, ...}',
    '[{"id": 1}, …]',
    '{"ratio": NaN}',
    '{"big": Infinity}',
]


def shape(node: Node) -> object:
    return (
        node.kind,
        node.ellipsis,
        [(member.name, shape(member.value)) for member in node.members],
        [shape(item) for item in node.items],
    )


@pytest.mark.parametrize("text", PLAIN)
def test_plain_json_reads_as_parse_reads_it(text: str) -> None:
    placed, unplaced_node = parse(text), unplaced(text)
    assert placed is not None and unplaced_node is not None
    assert shape(unplaced_node) == shape(placed)


@pytest.mark.parametrize("text", LIBERTIES)
def test_the_liberties_pages_take_are_left_to_parse(text: str) -> None:
    assert unplaced(text) is None


def test_what_neither_reads_is_none() -> None:
    assert unplaced('{"id": }') is None and parse('{"id": }') is None
