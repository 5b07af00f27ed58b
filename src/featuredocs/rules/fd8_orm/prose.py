"""Model attributes named in prose: inline code such as ``Order.paid_at``, ``Order.expire()``,
``orders.models.Order.expire`` or, through a manager, ``Order.objects.unpaid_older_than(48)``.

Prose names a model's attributes more loosely than an example uses them (a sentence may
speak of an attribute the project is about to add), so only a name the model has a close
match for is reported: a misspelt or renamed attribute.
"""

from __future__ import annotations

import re

from featuredocs.model import Page
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd3_models.lookup import CLASS_API, field_names, field_suggestion, is_known_name
from featuredocs.rules.fd3_models.resolve import resolved_models
from featuredocs.rules.fd8_code.source import inline_part_span
from featuredocs.rules.fd8_orm.references import Problem, manager_method_problem

_ATTRIBUTE = re.compile(
    r"(?:(?P<module>[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+)\.)?"
    r"(?P<model>[A-Z][A-Za-z0-9]*)\.(?:(?P<manager>[a-z_][a-z0-9_]*)\.)?(?P<attr>[a-z][a-z0-9_]*)"
    r"(?:\([^()]*\))?"
)


def prose_attributes(page: Page, ctx: CheckContext) -> list[Problem]:
    """The misspelt or renamed model attributes the page's inline code names."""
    named = [
        (code, match) for code in page.codes
        if "." in code.text and (match := _ATTRIBUTE.fullmatch(code.text.strip()))
    ]
    if not named:
        return []
    resolved = resolved_models(page, ctx)
    found: list[Problem] = []
    for code, match in named:
        if resolved.claims.about_other_times(code.span.line):
            continue  # a section on a past or planned version, as for examples
        resolver = resolved.resolver
        if match["module"]:
            model = resolver.resolve_path(f"{match['module']}.{match['model']}")
        else:
            model = resolver.resolve_code_name(match["model"])
        attr = match["attr"]
        span = inline_part_span(page, code.span, match.start("attr"), len(attr))
        if model is None or span is None:
            continue
        if match["manager"]:
            if match["manager"] in model.managers and (problem := manager_method_problem(model, attr, span)):
                found.append(problem)
            continue
        if attr in CLASS_API or is_known_name(model, attr):
            continue
        hint = field_suggestion(attr, [*field_names(model), *model.attributes], model)
        if hint is not None:
            found.append(Problem(span, f"{model.label} has no attribute `{attr}`", hint))
    return found
