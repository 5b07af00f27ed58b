from __future__ import annotations

from collections.abc import Callable, Iterator

from featuredocs.model import Edit, FieldFact, Finding, Fix, ModelFact, Page, ProjectFacts, Severity, Span
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd3_models.digits import actual_digits, documented_digits
from featuredocs.rules.fd3_models.field_items import FieldClaim, differs_in_uniqueness, null_written, unique_written
from featuredocs.rules.fd3_models.field_types import describe, fits, related_fits
from featuredocs.rules.fd3_models.lengths import compared_length, documented_length
from featuredocs.rules.fd3_models.lookup import field_hint
from featuredocs.rules.fd3_models.resolve import documented_fields
from featuredocs.rules.fd6_config import known
from featuredocs.rules.registry import register


@register
class FieldTypeMismatch(Rule):
    """A field's documented type is not its real type.

    What it does:
        Compares the type written next to a field (``(CharField)``, ``(ForeignKey →
        User)``, ``(integer)``, a Type column, ``models.XField`` in a class block) with
        the field's class. Types are matched leniently: Django class names fit their
        subclasses (``CharField`` fits a ``SlugField``), plain words fit every class they
        commonly describe (``string`` fits ``CharField`` and ``TextField``), and a type
        word the check does not know is never reported. For relations, the named target
        model is compared with the real one by model name. What the type's words say of
        NULL (``DateTimeField, nullable``, ``integer, not null``, ``null=True``) and of
        uniqueness (``EmailField, unique``, ``unique=False``) must be what the field
        declares (a field unique together with others may be called unique), and the
        most characters the line gives a text field
        (``max_length=20``, ``CharField(20)``, ``up to 100 characters``) its
        ``max_length``; the digits it gives a decimal field (``decimal(10, 2)``,
        ``max_digits=10``, ``2 decimal places``) its ``max_digits`` and
        ``decimal_places``.

    Why is this bad?
        A reader who trusts ``(integer)`` for a decimal amount writes cents where euros
        are stored; a relation documented to the wrong model sends joins astray.

    Example:
        ```markdown
        - `total` (integer): Order total in cents
        - `customer` (ForeignKey → User): Who ordered
        ```

    Use instead:
        ```markdown
        - `total` (DecimalField): Order total
        - `customer` (ForeignKey → Customer): Who ordered
        ```

    Fix safety:
        No fix for a type: the surrounding description usually has to change with it.
        What the type says of NULL or uniqueness, a length and digits get safe fixes
        that write the field's.
    """

    code = "FD303"
    name = "FieldTypeMismatch"
    summary = "documented field type differs from the model"
    severity = Severity.ERROR
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        assert ctx.facts is not None
        user_model = _user_model(ctx.facts)
        for documented, field, model in documented_fields(page, ctx):
            if documented.type is not None:
                yield from self._compare(page, documented, field, model, user_model)
            if documented.null is not None and documented.null != field.null:
                wrong = ("nullable", "NOT NULL") if documented.null else ("NOT NULL", "nullable")
                yield self._stated(page, documented, documented.null_span, field, model, wrong,
                                   lambda written: null_written(written, field.null), f"has null={field.null}")
            if compared_length(field) is not None:
                yield from self._length(page, documented, field, model)
            if field.max_digits is not None:
                yield from self._digits(page, documented, field, model)
            if documented.unique is not None and differs_in_uniqueness(documented, field, model):
                wrong = ("unique", "not unique") if documented.unique else ("not unique", "unique")
                yield self._stated(page, documented, documented.unique_span, field, model, wrong,
                                   lambda written: unique_written(written, field.unique), f"has unique={field.unique}")

    def _length(self, page: Page, documented: FieldClaim, field: FieldFact, model: ModelFact) -> Iterator[Finding]:
        written = documented_length(page, documented, model)
        if written is None or written.value == field.max_length:
            return
        yield self.finding(
            page,
            written.span,
            f"field `{field.name}` is documented to hold {written.value} characters at most, "
            f"but its max_length is {field.max_length}",
            hint=field_hint(model, field, f"has max_length={field.max_length}"),
            fix=Fix(f"write max_length {field.max_length}", (Edit(written.span, str(field.max_length)),)),
        )

    def _digits(self, page: Page, documented: FieldClaim, field: FieldFact, model: ModelFact) -> Iterator[Finding]:
        for written in documented_digits(page, documented, model):
            actual = actual_digits(field, written.option)
            if actual is None or written.value == actual:
                continue
            said = "digits in all" if written.option == "max_digits" else "decimal places"
            yield self.finding(
                page,
                written.span,
                f"field `{field.name}` is documented with {written.value} {said}, but its {written.option} is {actual}",
                hint=field_hint(model, field, f"has max_digits={field.max_digits}, decimal_places={field.decimal_places}"),
                fix=Fix(f"write {written.option} {actual}", (Edit(written.span, str(actual)),)),
            )

    def _stated(
        self, page: Page, documented: FieldClaim, where: Span | None, field: FieldFact, model: ModelFact,
        wrong: tuple[str, str], rewritten: Callable[[str], str], says: str,
    ) -> Finding:
        """What the type's words say of the field (``where``) is ``wrong[0]``, but it is
        ``wrong[1]``: a finding with a fix that writes the words ``rewritten``."""
        said, real = wrong
        span = where or documented.span
        fix = None
        if where is not None and span.line == span.end_line:
            fix = Fix(f"write that the field is {real}", (Edit(span, rewritten(page.written(span))),))
        return self.finding(
            page, span, f"field `{field.name}` is documented as {said}, but it is {real}",
            hint=field_hint(model, field, says), fix=fix,
        )

    def _compare(
        self, page: Page, documented: FieldClaim, field: FieldFact, model: ModelFact,
        user_model: str,
    ) -> Iterator[Finding]:
        written = documented.type
        assert written is not None
        if not fits(written, field):
            message = (
                f"field `{field.name}` is documented as `{written.written}`, "
                f"but it is {'an' if field.field_class[:1] in 'AEIOU' else 'a'} {field.field_class}"
            )
        elif not related_fits(written, field, model.label, user_model):
            message = (
                f"field `{field.name}` is documented as a relation to `{written.related}`, "
                f"but it points to {field.related_model}"
            )
        else:
            return  # the hint is written only for a finding
        hint = field_hint(model, field, f"is {describe(field)}")
        yield self.finding(page, documented.type_span or documented.span, message, hint=hint)


def _user_model(facts: ProjectFacts) -> str:
    setting = known.setting(facts, "AUTH_USER_MODEL")
    return setting.value.strip("'\"") if setting is not None else "auth.User"
