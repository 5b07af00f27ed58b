"""After the facts changed: the pages whose cached findings still hold.

A page's findings were computed from its text and from what its rules read of the facts
(``model/reads.py``): the reads made while checking it, and those of the indexes built once
for every page of that run. When none of those reads changed between the facts the
findings were computed against and the new ones, checking the page again would give the
same findings: they are kept, now under the new facts. A question a page asked of an index
(which routes match this path?) is a read that changed when the new facts answer it
differently; the questions of a run are asked again once for all its pages. A group of
reads (what building a per-object cache read) changed when a read in it did.

A result carried over replaces the one it came from (it can be carried back, should the
facts change back), so the two results a page keeps are for two of its versions or rule
selections, not one result under two facts. A page's result under another key (a hook
that runs some rules, beside a full check) is carried along with it, so that it still
holds when the hook runs after several changes of the code that only the check saw.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
from collections.abc import Mapping

from featuredocs.cache.facts import Facts, FactsCache
from featuredocs.cache.noted_reads import packed, packed_asked
from featuredocs.cache.outcome import CacheStats
from featuredocs.cache.pages import PageCache
from featuredocs.model import Finding, ProjectFacts, changes
from featuredocs.rules.registry import all_rules


def keep_unaffected_since_previous(
    cache: PageCache,
    found: dict[str, tuple[Finding, ...] | None],
    keys: Mapping[str, str],
    facts: Facts,
    facts_cache: FactsCache,
    stats: CacheStats,
) -> list[str]:
    """:func:`keep_unaffected` from the facts before ``facts`` (the facts cache's previous
    ones), when a page whose findings are missing has some under them; which they were."""
    before = facts_cache.previous_fingerprint()
    missing = [rel for rel, findings in found.items() if findings is None]
    if before is None or not any(cache.earlier(rel, before) for rel in missing):
        return []  # the other facts are not even read
    old = facts_cache.previous()
    if old is None or (new := facts.get()) is None:
        return []
    with stats.timed("facts compared"):
        # Every rule module: they register the indexes that pages ask keys of, and a
        # page's sync verdict asks some of a rule not run (a hook's --select FD2).
        all_rules()
        return keep_unaffected(cache, found, keys, old, new)


def keep_unaffected(
    cache: PageCache,
    found: dict[str, tuple[Finding, ...] | None],
    keys: Mapping[str, str],
    old: ProjectFacts,
    new: ProjectFacts,
) -> list[str]:
    """Fill in ``found`` for the entries whose findings the change of facts cannot have
    changed, and remember them under the new facts; which they were."""
    change = changes.facts_change(old, new)
    before, after = old.fingerprint(), new.fingerprint()
    # Each earlier run, by the new run its shared reads now belong to, and the change as
    # its pages see it (with the questions they asked that are answered differently).
    runs: dict[str, tuple[str | None, changes.FactsChange]] = {}
    kept = []
    for rel, findings in found.items():
        if findings is not None:
            continue
        for entry in cache.earlier(rel, before):
            if entry.run not in runs:
                runs[entry.run] = _carry_run(cache, entry.run, change)
            run, seen = runs[entry.run]
            noted = _carried(entry.reads, seen)
            if run is None or noted is None:
                continue
            carried = dataclasses.replace(entry, fingerprint=after, reads=noted, run=run)
            if entry.key == keys[rel]:
                found[rel] = entry.findings
                cache.remember(rel, carried, replacing=entry)
                kept.append(rel)
            else:  # another rule selection's: carried along, for when it runs again
                cache.carried(rel, entry, carried)
    return kept


def _carry_run(cache: PageCache, run: str, change: changes.FactsChange) -> tuple[str | None, changes.FactsChange]:
    """The name under which a run's shared reads, numbered anew, are kept (None when the
    change touches them), and the change as that run's pages see it."""
    asked = cache.asked(run)
    if asked is None:
        return None, change
    questions, groups = asked
    touched, groups = change.groups_touched(groups)
    seen = change.with_changed(change.answered_differently(questions) | touched)
    noted = _carried(cache.shared_reads(run), seen)
    if noted is None:
        return None, seen
    if change.renumbered is None:
        return run, seen
    renamed = f"{run}+{os.urandom(4).hex()}"
    cache.remember_shared(renamed, noted, packed_asked(questions, groups))
    return renamed, seen


def _carried(blob: bytes | None, change: changes.FactsChange) -> bytes | None:
    """Pickled reads numbered as in the new facts; None when the change touches them."""
    if blob is None:
        return None
    try:
        noted = pickle.loads(blob)
    except Exception:  # damaged inside an intact file: unpickling can raise almost anything
        return None
    if not isinstance(noted, frozenset):
        return None
    carried = change.carried(noted)
    if carried is None:
        return None
    return blob if carried is noted else packed(carried)
