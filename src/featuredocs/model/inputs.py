"""HeardInputs: what a project read while its facts were read, besides its own code.

Heard by ``featuredocs.introspect`` (``introspect/inputs.py``) beside the facts, watched by
the facts cache. Not facts about the project, so kept apart from ``model/facts.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

#: In ``HeardInputs.variables``: code other than Python's own went over the whole
#: environment (settings that take every variable with a prefix: dynaconf,
#: pydantic-settings, a comprehension). No variable's name holds an ``=``.
WHOLE_ENVIRONMENT = "="


@dataclass(frozen=True)
class HeardInputs:
    """What a project read while its facts were read, besides its own code: the facts
    cache watches these too. Not facts about the project, so not in its facts'
    fingerprint: how they were read does not change what they are."""

    # Files (a JSON file the settings load, an editable sibling package) and the folders
    # under root listed (``conf/flags/``); relative to root when under it. See
    # ``introspect/inputs.py``.
    files: tuple[str, ...] = ()
    # Environment variables read by any code, under any name (one built at run time);
    # WHOLE_ENVIRONMENT among them when the project went over every variable.
    variables: tuple[str, ...] = ()
    # The folders imported from that a fresh interpreter lacks, taken from the process
    # that runs the project (its manage.py put them on sys.path), and that interpreter's
    # own sys.path. See ``introspect/import_path.py``.
    borrowed_path: tuple[str, ...] = ()
    fresh_path: tuple[str, ...] = ()
