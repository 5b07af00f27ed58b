"""The coverage data model: counts per kind, per app and in total, and what is missing.

One :class:`CoverageReport` feeds every reporter (text, JSON, HTML); the pass/fail
decision is the pure :func:`should_fail_under`, which the command line calls.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from featuredocs.coverage.claimed import Claimed
from featuredocs.coverage.inventory import KINDS, Item


@dataclass(frozen=True, slots=True)
class Count:
    documented: int = 0
    total: int = 0

    @property
    def percent(self) -> float:
        """Share documented, 0–100; a kind with nothing to document is fully covered."""
        return 100.0 if self.total == 0 else 100.0 * self.documented / self.total

    def __add__(self, other: Count) -> Count:
        return Count(self.documented + other.documented, self.total + other.total)


@dataclass(frozen=True, slots=True)
class Missing:
    kind: str
    app: str
    label: str


@dataclass(frozen=True)
class CoverageReport:
    """``kinds`` in :data:`KINDS` order; ``apps`` maps app label → kind → count."""

    total: Count
    kinds: dict[str, Count]
    apps: dict[str, dict[str, Count]]
    undocumented: tuple[Missing, ...]
    pages: int

    def app_total(self, app: str) -> Count:
        return sum(self.apps[app].values(), Count())

    @property
    def shown_apps(self) -> list[str]:
        """The apps with something to document (an app of helpers has nothing)."""
        return [app for app in self.apps if self.app_total(app).total]


def measure(items: Iterable[Item], claimed: Iterable[Claimed], app_labels: Iterable[str]) -> CoverageReport:
    """Compare what the project has with what the pages claim."""
    claims = list(claimed)
    documented = _documented_keys(claims)
    kinds = {kind: Count() for kind in KINDS}
    apps: dict[str, dict[str, Count]] = {label: {kind: Count() for kind in KINDS} for label in app_labels}
    missing: list[Missing] = []
    for item in items:
        hit = (item.kind, item.key) in documented
        one = Count(int(hit), 1)
        kinds[item.kind] = kinds[item.kind] + one
        per_app = apps.setdefault(item.app, {kind: Count() for kind in KINDS})
        per_app[item.kind] = per_app[item.kind] + one
        if not hit:
            missing.append(Missing(item.kind, item.app, item.label))
    total = sum(kinds.values(), Count())
    return CoverageReport(total, kinds, apps, tuple(missing), len(claims))


def _documented_keys(claims: list[Claimed]) -> set[tuple[str, object]]:
    keys: set[tuple[str, object]] = set()
    for claim in claims:
        for kind in KINDS:
            keys.update((kind, key) for key in getattr(claim, kind))
    return keys


def should_fail_under(total: float, floor: float | None) -> bool:
    """True when the total percentage is below the floor (``--fail-under``).

    Compared at the precision people read (two decimals), so a report that prints 80.00
    never fails a floor of 80 because of a float's last bit.
    """
    if floor is None:
        return False
    return round(total, 2) < floor
