"""Documented field types, read leniently, and whether they fit a real field.

Pages write types many ways: Django class names (``CharField``, ``ForeignKey → User``,
``ForeignKey(User)``, ``FK to User``) and plain words (``string``, ``integer``,
``datetime``, ``json``). A documented type is compared with the field's class, its
``get_internal_type()`` and their Django ancestors, so ``CharField`` fits a ``SlugField``.
``DateField`` does not fit a ``DateTimeField``, though Django derives one from the other:
a date and a moment are different values, and a page that names the class says which.
The plain word ``date`` fits both, as pages use it loosely. A type this table does not
know is never reported: an unknown word is not evidence of drift.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from featuredocs.model import FieldFact

#: Django's field classes and their field ancestors (from ``__mro__``).
ANCESTORS: dict[str, tuple[str, ...]] = {
    # Django's AutoFieldMeta makes the big and small variants subclasses of AutoField
    "AutoField": ("IntegerField",),
    "BigAutoField": ("AutoField", "BigIntegerField", "IntegerField"),
    "SmallAutoField": ("AutoField", "SmallIntegerField", "IntegerField"),
    "BigIntegerField": ("IntegerField",),
    "SmallIntegerField": ("IntegerField",),
    "PositiveIntegerField": ("IntegerField",),
    "PositiveSmallIntegerField": ("SmallIntegerField", "IntegerField"),
    "PositiveBigIntegerField": ("BigIntegerField", "IntegerField"),
    "IntegerField": (),
    "BinaryField": (),
    "BooleanField": (),
    "NullBooleanField": ("BooleanField",),
    "CharField": (),
    "CommaSeparatedIntegerField": ("CharField",),
    "EmailField": ("CharField",),
    "SlugField": ("CharField",),
    "URLField": ("CharField",),
    "TextField": (),
    "DateField": (),
    "DateTimeField": (),  # a subclass of DateField in Django; see the module's docstring
    "TimeField": (),
    "DurationField": (),
    "DecimalField": (),
    "FloatField": (),
    "FileField": (),
    "ImageField": ("FileField",),
    "FilePathField": (),
    "GenericIPAddressField": (),
    "IPAddressField": (),
    "JSONField": (),
    "UUIDField": (),
    "ForeignKey": ("ForeignObject",),
    "OneToOneField": ("ForeignKey", "ForeignObject"),
    "ManyToManyField": (),
    "ForeignObject": (),
    "GenericForeignKey": (),
    "GenericRelation": ("ForeignObject",),
    "GeneratedField": (),
    "CompositePrimaryKey": (),
    "ArrayField": (),
    "HStoreField": (),
    "CICharField": ("CharField",),
    "CIEmailField": ("EmailField", "CharField"),
    "CITextField": ("TextField",),
}

_TEXT = ("CharField", "TextField", "FilePathField", "GenericIPAddressField", "IPAddressField")
_INTEGER = ("IntegerField",)
_NUMBER = ("IntegerField", "DecimalField", "FloatField")
_FK = ("ForeignKey",)

#: Plain words (lower case, spaces for ``-``/``_``) and the classes they may stand for.
WORDS: dict[str, tuple[str, ...]] = {
    "string": (*_TEXT, "UUIDField"), "str": (*_TEXT, "UUIDField"), "text": _TEXT, "char": _TEXT, "varchar": _TEXT,
    "email": _TEXT, "url": _TEXT, "slug": _TEXT, "ip": ("GenericIPAddressField",),
    "ip address": ("GenericIPAddressField", "IPAddressField"),
    "integer": _INTEGER, "int": _INTEGER, "bigint": _INTEGER, "smallint": _INTEGER,
    "big integer": _INTEGER, "small integer": _INTEGER, "positive integer": _INTEGER,
    "auto": _INTEGER, "autoincrement": _INTEGER, "auto increment": _INTEGER,
    "serial": _INTEGER, "bigserial": _INTEGER,
    "number": _NUMBER, "numeric": _NUMBER,
    "boolean": ("BooleanField",), "bool": ("BooleanField",),
    "datetime": ("DateTimeField",), "date time": ("DateTimeField",),
    "timestamp": ("DateTimeField",), "timestamptz": ("DateTimeField",),
    "date": ("DateField", "DateTimeField"), "time": ("TimeField",),
    "duration": ("DurationField",), "timedelta": ("DurationField",), "interval": ("DurationField",),
    "decimal": ("DecimalField",), "float": ("FloatField",), "double": ("FloatField",),
    "json": ("JSONField", "HStoreField"), "jsonb": ("JSONField", "HStoreField"),
    "dict": ("JSONField", "HStoreField"),
    "list": ("ArrayField", "JSONField"), "array": ("ArrayField", "JSONField"),
    "uuid": ("UUIDField",),
    "file": ("FileField", "FilePathField"), "image": ("ImageField",),
    "binary": ("BinaryField",), "bytes": ("BinaryField",), "blob": ("BinaryField",),
    "fk": _FK, "foreign key": _FK, "foreignkey": _FK,
    "m2m": ("ManyToManyField",), "many to many": ("ManyToManyField",),
    "manytomany": ("ManyToManyField",),
    "o2o": ("OneToOneField",), "one to one": ("OneToOneField",), "onetoone": ("OneToOneField",),
}

#: Words that qualify a type without being one (``optional string``, ``unique slug``).
MODIFIERS = frozenset({
    "optional", "nullable", "null", "required", "unique", "indexed", "index", "blank",
    "read only", "readonly", "computed", "primary", "primary key", "pk", "non null",
    "not null", "auto now", "auto now add", "default", "max", "min", "a", "an", "the",
})

_RELATED = re.compile(
    r"(?:→|->|=>|⟶|⇒|\bto\b|\bon\b|\bof\b)\s*`?['\"]?(?P<name>[A-Za-z_][\w.]*)"
)
_CALL_RELATED = re.compile(r"^\s*\(\s*(?:to\s*=\s*)?['\"]?(?P<name>[A-Za-z_][\w.]*)")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")


@dataclass(frozen=True, slots=True)
class DocumentedType:
    """A type as read from a page: the word or class written, what it may stand for,
    and the related model it names (``User`` in ``ForeignKey → User``)."""

    written: str
    accepts: tuple[str, ...]
    related: str | None = None


def read_type(text: str) -> DocumentedType | None:
    """The documented type in ``text`` (``ForeignKey → User, nullable``), None if unknown."""
    head = text.strip().strip("`*_ ")
    head = re.sub(r"^models\.", "", head)
    head = head.split(",")[0].split(";")[0].strip()
    if not head:
        return None
    found = _leading_type(head)
    if found is None:
        return None
    written, accepts, rest = found
    return DocumentedType(written, accepts, _related_name(rest, accepts))


def _leading_type(text: str) -> tuple[str, tuple[str, ...], str] | None:
    """Skip modifier words; the first word or phrase that is a type, with the rest."""
    position = 0
    while position < len(text):
        match = _WORD.search(text, position)
        if match is None:
            return None
        word = match.group(0)
        if word in ANCESTORS:
            return word, (word,), text[match.end():]
        phrase = _phrase_at(text, match.start())
        if phrase is not None:
            written, end = phrase
            return written, WORDS[_fold(written)], text[end:]
        if _fold(word) not in MODIFIERS:
            return None
        position = match.end()
    return None


def _phrase_at(text: str, start: int) -> tuple[str, int] | None:
    """The longest plain-word type starting at ``start`` (``many-to-many``, ``int``)."""
    for words in (3, 2, 1):
        match = re.match(r"[A-Za-z0-9]+(?:[\s_-]+[A-Za-z0-9]+){%d}" % (words - 1), text[start:])
        if match and _fold(match.group(0)) in WORDS:
            return match.group(0), start + match.end()
    return None


def _fold(text: str) -> str:
    return re.sub(r"[\s_-]+", " ", text.strip().lower())


def _related_name(rest: str, accepts: tuple[str, ...]) -> str | None:
    if not any(name in RELATION_CLASSES for name in accepts):
        return None
    match = _CALL_RELATED.match(rest) or _RELATED.search(rest)
    if match is None:
        return None
    name = match.group("name")
    return None if name.lower() in {"settings", "the", "a", "an"} else name


RELATION_CLASSES = frozenset(
    {"ForeignKey", "OneToOneField", "ManyToManyField", "ForeignObject", "GenericRelation"}
)


def lineage(field: FieldFact) -> frozenset[str]:
    """The field's class, internal type, and their known Django ancestors."""
    return _lineage(field.field_class, field.internal_type)


@lru_cache(maxsize=1024)
def _lineage(field_class: str, internal_type: str | None) -> frozenset[str]:
    """Once per pair: a project's thousands of fields have a few dozen types."""
    names = {field_class, internal_type}
    for name in tuple(names):
        names.update(ANCESTORS.get(name, ()))
    return frozenset(n for n in names if n)


def fits(documented: DocumentedType, field: FieldFact) -> bool:
    """Whether the documented type may describe ``field``; unknown fields always fit."""
    known = lineage(field)
    if known.isdisjoint(ANCESTORS):
        return True  # a custom field we cannot place: stay silent
    return not known.isdisjoint(documented.accepts)


def related_fits(
    documented: DocumentedType, field: FieldFact, model_label: str, user_model: str = "auth.User"
) -> bool:
    """Whether the named related model is the field's target (by model name).

    ``User`` also names the project's user model (``AUTH_USER_MODEL``), whatever its
    class is called: that is how pages speak of it.
    """
    if documented.related is None or field.related_model is None:
        return True
    wanted = documented.related.rpartition(".")[2].lower()
    if wanted == "self":
        wanted = model_label.rpartition(".")[2].lower()
    if "auth_user_model" in documented.related.lower():
        return True
    if wanted == "user" and field.related_model.lower() == user_model.lower():
        return True
    return wanted == field.related_model.rpartition(".")[2].lower()


def describe(field: FieldFact) -> str:
    """``ForeignKey → orders.Customer`` or ``DecimalField``: a field's real type."""
    if field.related_model and field.is_relation:
        return f"{field.field_class} → {field.related_model}"
    return field.field_class
