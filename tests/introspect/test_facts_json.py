"""Facts travel from the introspection child as JSON: what the codecs write is what a plain
walk over the dataclasses writes, and reading it back gives the same facts."""

from __future__ import annotations

import dataclasses
import enum
import json
from typing import Any

import pytest

from featuredocs.model import (
    AppFact,
    CacheKeyFact,
    CommandFact,
    EndpointFact,
    EnvVarFact,
    FieldFact,
    IndexFact,
    ModelFact,
    OptionFact,
    ProjectFacts,
    QueryParamFact,
    ResponseField,
    SettingFact,
    SourceLocation,
)
from featuredocs.model.serialize import from_jsonable, to_json_text, to_jsonable


def walked(value: Any) -> Any:
    """The JSON form by the plain recursive walk the codecs must agree with."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: walked(getattr(value, f.name)) for f in dataclasses.fields(value)
                if not f.name.startswith("_")}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, frozenset | set):
        return sorted(walked(v) for v in value)
    if isinstance(value, tuple | list):
        return [walked(v) for v in value]
    if isinstance(value, dict):
        return {str(k): walked(v) for k, v in value.items()}
    return value


def rich_facts() -> ProjectFacts:
    here = SourceLocation("shop/models.py", 12)
    nested = ResponseField("items", (ResponseField("sku", type="string"),), many=True, type="array")
    return ProjectFacts(
        root="/srv/shop",
        mode="live",
        settings_module="shop.settings",
        django_version="5.0",
        apps=(AppFact("orders", "shop.orders", "shop/orders", True),),
        models=(ModelFact(
            "orders", "Order", "shop.orders.models",
            fields=(FieldFact("status", "CharField", "CharField", column="status",
                              choices=("new", "paid"), has_default=True, default="'new'",
                              location=here),
                    FieldFact("lines", "ManyToOneRel", "ForeignKey", reverse=True,
                              related_model="orders.Line", query_name="line")),
            indexes=(IndexFact("index", ("-created",), name="recent", condition="Q(paid=True)"),),
            attributes=("total",), ordering=("-created",), location=here,
        ),),
        commands=(CommandFact("sync", "shop.orders", options=(
            OptionFact("dry_run", ("--dry-run",), "store_true", default="False"),
            OptionFact("target", choices=None, subcommand="cache clear"),
        ), location=None, options_complete=False),),
        endpoints=(EndpointFact(
            "/api/orders/{pk}/", methods=("GET",), path_params=("pk",),
            query_params=(QueryParamFact("page", "pagination", "integer", choices=("1",)),),
            response=(nested,), paginated=True, pagination_keys=("count", "results"),
        ), EndpointFact("/health/", methods=None, response=None)),
        settings=(SettingFact("DEBUG", "False", keys=("a", "a.b"), location=here),),
        env_vars=(EnvVarFact("SECRET_KEY", True, locations=(here, SourceLocation("x.py", 1))),),
        cache_keys=(CacheKeyFact("orders:{}", "f'orders:{pk}'", "get", timeout=None,
                                 never_expires=True, location=here),),
        symbols=frozenset({"shop.b", "shop.a"}),
        modules=frozenset({"shop"}),
        url_prefixes=("/api/",),
        warnings=("one",),
    )


def test_the_codecs_write_what_the_plain_walk_writes() -> None:
    facts = rich_facts()
    assert to_jsonable(facts) == walked(facts)
    assert json.dumps(to_jsonable(facts), sort_keys=True) == json.dumps(walked(facts), sort_keys=True)


def test_facts_read_back_equal_with_the_same_types() -> None:
    facts = rich_facts()
    back = ProjectFacts.from_json(json.loads(json.dumps(facts.to_json())))
    assert back == facts
    assert typed(back) == typed(facts)  # tuples stay tuples, frozensets frozensets
    assert back.warnings == facts.warnings


def typed(value: Any) -> Any:
    """``value`` with the type of every part beside it, sets in a fixed order."""
    if dataclasses.is_dataclass(value):
        return type(value), [typed(getattr(value, f.name)) for f in dataclasses.fields(value)]
    if isinstance(value, frozenset | set):
        return type(value), sorted(typed(v) for v in value)
    if isinstance(value, tuple | list):
        return type(value), [typed(v) for v in value]
    return type(value).__name__, value


def test_missing_keys_take_defaults_and_unknown_keys_are_ignored() -> None:
    data = {"name": "x", "field_class": "CharField", "internal_type": "CharField",
            "location": {"path": "a.py", "line": 3}, "from_a_newer_version": 1}
    assert from_jsonable(FieldFact, data) == FieldFact(
        "x", "CharField", "CharField", location=SourceLocation("a.py", 3)
    )
    assert from_jsonable(EndpointFact, {"path": "/", "methods": None}) == EndpointFact("/")


class Colour(enum.Enum):
    RED = "red"


class Label(str):
    pass


@dataclasses.dataclass(frozen=True)
class Odd:
    colour: Colour
    label: str
    tags: frozenset[str]
    extra: dict[str, Any]
    _private: int = 0


def test_enums_subclasses_sets_and_mappings_as_the_walk_writes_them() -> None:
    odd = Odd(Colour.RED, Label("l"), frozenset({"b", "a"}), {1: (Colour.RED, {"x"})}, 5)
    assert to_jsonable(odd) == walked(odd) == {
        "colour": "red", "label": "l", "tags": ["a", "b"], "extra": {"1": ["red", ["x"]]},
    }
    assert from_jsonable(Odd, to_jsonable(odd)) == Odd(
        Colour.RED, "l", frozenset({"a", "b"}), {"1": ["red", ["x"]]}
    )


def test_facts_read_from_their_text_keep_the_fingerprint_encoding_gives() -> None:
    facts = rich_facts()
    text = facts.to_json_text()
    assert text == json.dumps(walked(facts), sort_keys=True, separators=(",", ":"))
    read = ProjectFacts.from_json_text(text + "\n")
    assert read == facts
    encoded = ProjectFacts.from_json(json.loads(text))
    assert read.fingerprint() == encoded.fingerprint() == facts.fingerprint()
    assert read.fingerprint() != ProjectFacts(root="/srv/shop", mode="live").fingerprint()


@dataclasses.dataclass(frozen=True, slots=True)
class Slotted:
    name: str
    where: SourceLocation | None = None
    parts: tuple[Slotted, ...] = ()
    _memo: int | None = dataclasses.field(default=None, init=False, compare=False)


def test_slotted_classes_read_whole_nested_and_with_fields_outside_init_at_their_default() -> None:
    value = Slotted("a", SourceLocation("a.py", 1), (Slotted("b"), Slotted("c", parts=(Slotted("d"),))))
    back = from_jsonable(Slotted, json.loads(json.dumps(to_jsonable(value))))
    assert back == value and typed(back) == typed(value)
    assert back._memo is None and back.parts[1].parts[0]._memo is None
    assert from_jsonable(Slotted, {"name": "e", "extra": 1}) == Slotted("e")
    read = ProjectFacts.from_json(rich_facts().to_json())
    assert read._by_name is None and read._fingerprint is None


def keys_in_order(value: Any) -> bool:
    if isinstance(value, dict):
        return list(value) == sorted(value) and all(keys_in_order(v) for v in value.values())
    if isinstance(value, list):
        return all(keys_in_order(v) for v in value)
    return True


def test_every_object_is_written_with_its_keys_in_order() -> None:
    facts = rich_facts()
    assert keys_in_order(to_jsonable(facts))
    odd = Odd(Colour.RED, "l", frozenset(), {"b": {"z": 1, "a": 2}, 1: ()})
    assert keys_in_order(to_jsonable(odd)) and to_jsonable(odd) == walked(odd)


@dataclasses.dataclass(frozen=True, slots=True)
class Place(SourceLocation):
    column: int = 0


def test_values_of_other_classes_than_annotated_are_written_as_the_walk_writes_them() -> None:
    loose = dataclasses.replace(
        rich_facts(),
        apps=[AppFact("a", "a", "a", True)],  # type: ignore[arg-type]
        url_prefixes=("/a/", Label("/b/"), Colour.RED),  # type: ignore[arg-type]
        settings=(SettingFact("X", Label("1"), location=Place("s.py", 3, 7)),),
    )
    assert to_jsonable(loose) == walked(loose)
    assert keys_in_order(to_jsonable(loose))
    assert to_json_text(loose) == compact(loose)


def compact(value: Any) -> str:
    return json.dumps(walked(value), sort_keys=True, separators=(",", ":"))


@dataclasses.dataclass(frozen=True)
class Mixed:
    text: str | None
    count: int | None
    ratio: float
    flag: bool
    words: tuple[str, ...] | None
    places: tuple[SourceLocation, ...]
    place: SourceLocation | None
    anything: Any
    either: int | str


def test_the_text_writer_writes_what_dumping_the_walk_writes() -> None:
    odd = Mixed("é\"\n%s", 3, 0.1, True, ("a", Label("b"), "ü"), (SourceLocation("a", 1),),
                None, {"z": [1.5, None], "a": Colour.RED}, "x")
    other = Mixed(None, None, float("inf"), False, None, (Place("p", 2, 3),),
                  Place("q", 4), frozenset({"b", "a"}), 2)
    for value in (odd, other, rich_facts(), ProjectFacts(root="/", mode="static")):
        assert to_json_text(value) == compact(value)
    assert to_json_text(Odd(Colour.RED, "l", frozenset({"b"}), {2: 1, 1: 2})) == compact(
        Odd(Colour.RED, "l", frozenset({"b"}), {2: 1, 1: 2})
    )
    assert to_json_text(["not", "a", "dataclass"]) == '["not","a","dataclass"]'


def test_an_object_with_as_many_keys_as_fields_but_one_unknown_reads_the_known_ones() -> None:
    field = FieldFact("x", "CharField", "CharField", help_text="shown", location=SourceLocation("a.py", 3))
    data = to_jsonable(field)
    del data["help_text"]
    data["from_a_newer_version"] = 1
    assert from_jsonable(FieldFact, data) == dataclasses.replace(field, help_text="")
    data["location"] = {"path": "a.py", "column": 3}
    with pytest.raises(TypeError, match="line"):  # refused as the class itself refuses it
        from_jsonable(FieldFact, data)
