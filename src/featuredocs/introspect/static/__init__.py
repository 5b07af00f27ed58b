"""Static mode: the project's facts from its source tree alone, for CI jobs that cannot
install or import the project. The same :class:`~featuredocs.model.ProjectFacts` as live
mode, with what the source does not fix left unknown (None) rather than guessed.
"""

from __future__ import annotations

from featuredocs.introspect.static.collect import collect_static

__all__ = ["collect_static"]
