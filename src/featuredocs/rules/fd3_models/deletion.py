"""What a relation's line says happens when the row it points to is deleted: its
``on_delete``, by name (``on_delete=CASCADE``, ``PROTECT``) or in the words pages use —
*deleted with it*, *cascades*, *a user with orders cannot be deleted*, *set to null when
the customer is deleted*.

Words are read as what Django does: *deleted with it* is ``CASCADE``; *cannot be deleted*
is ``PROTECT`` or ``RESTRICT``, which both refuse; *set to null* is ``SET_NULL``. A rule of
the business (*an invoice cannot be deleted once sent*) says nothing of ``on_delete`` and
is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from featuredocs.model import FieldFact, ModelFact, Page, Span
from featuredocs.rules.fd3_models.field_items import FieldClaim, field_words

#: Handlers by what they do when the row they point to is deleted: PROTECT and RESTRICT
#: both refuse (RESTRICT lets a cascade through, which words do not tell apart).
_DOES = {
    "CASCADE": "cascade", "PROTECT": "refuse", "RESTRICT": "refuse",
    "SET_NULL": "set null", "SET_DEFAULT": "set default", "DO_NOTHING": "nothing",
}
_NAMED = re.compile(r"\b(?:on_delete\s*=\s*(?:models\.)?)?(?P<name>CASCADE|PROTECT|RESTRICT|SET_NULL|SET_DEFAULT|DO_NOTHING)(?![-\w])")
_SAID = re.compile(
    r"(?P<CASCADE>\b(?:deleted|removed)\s+(?:along\s+|together\s+)?with\s+(?:it|them|(?:the|its|their)\s+\w+)\b"
    r"(?!\s+(?:command|script|task|job)\b)|\bcascades?\b|\bcascading\s+delete)"
    r"|(?P<PROTECT>\b(?:cannot|can't|can\s+not|may\s+not)\s+be\s+deleted\b"
    r"(?!\s+(?:once|after|when|if|unless|until|before|by|except|without)\b)"
    # *while it has orders* is what PROTECT does; *while the invoice is open* a rule
    r"(?!\s+while\s+(?!(?:it|they|there)\s+(?:has|have|is|are)\b|(?:it\s+is\s+|still\s+)?referenced\b"
    r"|(?:an?|any|one|some)\s+\w+\s+(?:points?|refers?)\s+to\b))"
    r"|\bprotected\s+from\s+deletion|\b(?:prevents|blocks|forbids)\s+(?:its\s+|the\s+)?deletion)"
    r"|(?P<SET_NULL>\bset\s+to\s+(?:null|none|empty)\b(?=.*\bdelet))",
    re.IGNORECASE,
)
_ITSELF = re.compile(r"\b(?:it|this|(?:this|the)\s+(?:row|record|entry|object))\s*$", re.IGNORECASE)
_HINTS = ("delet", "cascad", "protect", "restrict", "set_", "do_nothing")


@dataclass(frozen=True, slots=True)
class DocumentedDeletion:
    """What the line says ``on_delete`` is, in its words (``said``); ``named`` when it
    gives the handler's name."""

    handler: str
    span: Span
    named: bool
    said: str


def documented_deletion(page: Page, documented: FieldClaim, model: ModelFact) -> DocumentedDeletion | None:
    found = field_words(page, documented, model, _HINTS)
    if found is None:
        return None
    start = found.start
    words = found.text[start : found.end]
    named = _NAMED.search(words)
    if named is not None:
        begin, stop = named.span("name")
        return DocumentedDeletion(named.group("name"), found.span(start + begin, start + stop), True, named.group("name"))
    said = _SAID.search(words)
    if said is None or (said.group("PROTECT") and _ITSELF.search(words[: said.start()])):
        return None  # *this row cannot be deleted* is a rule of the business
    handler = next(name for name, value in said.groupdict().items() if value is not None)
    return DocumentedDeletion(handler, found.span(start + said.start(), start + said.end()), False, " ".join(said.group(0).split()))


def differs(written: DocumentedDeletion, field: FieldFact) -> bool:
    """Whether the line surely says another ``on_delete`` than the field's: by name, the
    very handler; in words, what it does (*cannot be deleted* fits ``RESTRICT`` too)."""
    actual = field.on_delete
    if actual is None or actual not in _DOES:
        return False  # ``SET(...)`` and handlers of a project's own: what they do is unknown
    if written.named:
        return written.handler != actual
    return _DOES[written.handler] != _DOES[actual]


def effect(field: FieldFact, model: ModelFact) -> str:
    """What deleting the row ``field`` points to does, in words: *deleting a User deletes
    the Order too*."""
    target = _a((field.related_model or "row").rpartition(".")[2])
    does = _DOES.get(field.on_delete or "")
    if does == "cascade":
        return f"deleting {target} deletes its {model.name} rows too"
    if does == "refuse":
        return f"{target} cannot be deleted while {_a(model.name)} points to it"
    if does == "set null":
        return f"deleting {target} sets `{field.name}` to null"
    if does == "set default":
        return f"deleting {target} sets `{field.name}` to its default"
    return f"deleting {target} leaves its {model.name} rows as they are"


def _a(name: str) -> str:
    return f"{'an' if name[:1] in 'AEIO' else 'a'} {name}"  # a User, an Order
