"""Whether a value written in a documented path is one the route's parameter accepts.

The facts give each path parameter's converter (:attr:`EndpointFact.path_converters`):
Django's own by name, a ``re_path()`` group by its regex. ``/api/v1/products/TEA-001/``
does not resolve to ``products/<int:pk>/``: Django answers 404. A registered converter is
known by name only, so it accepts anything, and so does a placeholder written in the
value's place (``ID``, ``PRODUCT_ID``, ``pk``), which names the parameter, not a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from featuredocs.model import EndpointFact
from featuredocs.rules.fd5_endpoints.paths import is_placeholder_value

_UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
#: Django's converters (``django.urls.converters``), and django-ninja's ``uuidstr``.
BUILT_IN = {
    "int": "[0-9]+", "str": "[^/]+", "slug": "[-a-zA-Z0-9_]+", "uuid": _UUID, "uuidstr": _UUID,
    "path": ".+",
}
_NAME = re.compile(r"\w+")
_PARAMETER = re.compile(r"\{([^{}/]*)\}")


@dataclass(frozen=True, slots=True)
class Misfit:
    """A written value its parameter's converter rejects."""

    value: str  # "TEA-001"
    param: str  # "pk"
    converter: str  # "int", or a group's regex

    @property
    def reason(self) -> str:
        """``TEA-001`` is not an int; ``x`` does not match ``[0-9]{4}``."""
        if self.converter in BUILT_IN:
            article = "an" if self.converter == "int" else "a"  # a uuid, a slug, a str, a path
            return f"`{self.value}` is not {article} {self.converter}"
        return f"`{self.value}` does not match `{self.converter}`"

    @property
    def declaration(self) -> str:
        """The parameter as the URL pattern declares it: ``<int:pk>``, ``(?P<year>[0-9]{4})``."""
        if self.converter in BUILT_IN:
            return f"<{self.converter}:{self.param}>"
        unnamed = self.param.startswith("arg") and self.param[3:].isdigit()
        return f"({self.converter})" if unnamed else f"(?P<{self.param}>{self.converter})"


@dataclass(frozen=True, slots=True)
class SegmentCheck:
    """What one segment of a route with parameters accepts, and the parameters in it."""

    pattern: re.Pattern[str]
    params: tuple[tuple[str, str], ...]  # (name, converter) of each parameter, in order

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.params)

    def misfit(self, written: str) -> Misfit | None:
        if self.pattern.fullmatch(written) or is_placeholder_value(written, self.names):
            return None
        name, converter = next(((n, c) for n, c in self.params if accepting(c) is not None),
                               self.params[0])
        return Misfit(written, name, converter)


def segment_checks(endpoint: EndpointFact) -> tuple[SegmentCheck | None, ...]:
    """One check per segment of the endpoint's path (as :func:`~.paths.shape` splits it);
    None where the segment accepts whatever a parameter may hold."""
    if len(endpoint.path_converters) != len(endpoint.path_params):
        return ()
    converters = dict(zip(endpoint.path_params, endpoint.path_converters, strict=True))
    parts = endpoint.path.split("/")[1:]
    if parts and parts[-1] == "":
        parts = parts[:-1]
    return tuple(_segment_check(part, converters) for part in parts)


def _segment_check(part: str, converters: dict[str, str]) -> SegmentCheck | None:
    names = _PARAMETER.findall(part)
    if not names or not any(accepting(converters.get(name, "")) is not None for name in names):
        return None
    literals = _PARAMETER.split(part)[::2]
    regex = re.escape(literals[0])
    for name, literal in zip(names, literals[1:], strict=True):
        known = accepting(converters.get(name, ""))
        regex += f"(?:{known.pattern})" if known is not None else "[^/]+"
        regex += re.escape(literal)
    try:
        pattern = re.compile(regex)
    except re.error:  # a group regex that only makes sense whole (a back-reference)
        return None
    return SegmentCheck(pattern, tuple((name, converters.get(name, "")) for name in names))


@cache
def accepting(converter: str) -> re.Pattern[str] | None:
    """What a converter accepts; None when that is unknown (a registered converter, a
    regex Python cannot compile), which accepts anything."""
    if converter in BUILT_IN:
        return re.compile(BUILT_IN[converter])
    if not converter or _NAME.fullmatch(converter):
        return None
    try:
        return re.compile(converter)
    except re.error:
        return None
