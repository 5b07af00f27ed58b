"""Static mode: the project's facts from its source tree alone, for CI jobs that cannot
install or import the project. The same :class:`~featuredocs.model.ProjectFacts` as live
mode, with what the source does not fix left unknown (None) rather than guessed.

``collect_static`` is imported when first asked for: live mode reads the settings module
the way static mode does (:mod:`.settings`) and needs none of the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from featuredocs.introspect.static.collect import collect_static

__all__ = ["collect_static"]


def __getattr__(name: str) -> Any:
    if name == "collect_static":
        from featuredocs.introspect.static.collect import collect_static

        return collect_static
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
