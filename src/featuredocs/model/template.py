"""The template as a schema: what the Markdown stage derives from a template file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SectionSpec:
    """A section the template declares.

    ``shape`` marks an example heading (``### [ModelName]``, ``### command_name``,
    ``### GET /api/feature/resource/``) that stands for any heading, not for its own text.
    ``labels`` are the structured-block labels the template puts directly in it.
    """

    title: str
    level: int
    line: int
    required: bool = True
    shape: bool = False
    labels: tuple[str, ...] = ()
    children: tuple[SectionSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class TemplateSchema:
    """Required sections in order, their sub-sections, and the template's filler text.

    ``fillers`` are exact phrases that, left unchanged in a page, mean the author kept the
    template's example (``Purpose and responsibility``); bracketed placeholders
    (``[Capability 1]``) are recognised by shape and need no list.
    """

    path: str
    sections: tuple[SectionSpec, ...]
    fillers: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()

    @property
    def titles(self) -> tuple[str, ...]:
        return tuple(s.title for s in self.sections)
