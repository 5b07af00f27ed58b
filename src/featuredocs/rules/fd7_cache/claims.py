"""What a page says about its cache: key patterns and how long entries live.

Keys come from the block under a ``**Cache Keys:**`` label (or a *Cache Keys* heading):
in python, the strings assigned to ``…key`` names, bare strings and the first argument
of ``cache.get/set/…`` calls; in plain blocks, the first word of each line; in a list,
its inline code; in a table, the cells of its Key column (see :mod:`.tables`); a heading
that is a key in inline code (``#### `orders:{id}:summary` ``) names the key of its section,
and documents it when a heading above it is about caching. In other
python blocks of a caching section only ``cache.…()`` calls count (a key a name holds,
``cache.get(key)``, too), and in python blocks elsewhere the strings assigned to a
``cache_key`` name, as keys named in passing. A TTL is ``TTL``
followed on its line by a duration (``**TTL**: 15 minutes``, ``TTL: 900 seconds``,
``24h``), the ``timeout`` of a documented cache call, or the TTL (Timeout, Expiry) cell
of a key's table row; it belongs to the keys on its own line, else to the keys of its
section. A TTL line with a duration for each of several keys gives each the duration of
the clause that names it.

Prose names keys too: inline code anywhere on the page shaped like a key with a hole in
it (``orders:{id}:summary``). Such a key's lifetime is read only from its own line, where
a lifetime word introduces the one duration the line gives ("cached under `…` for 15
minutes", "expires after 1 hour"); "every 10 minutes" is how often, not how long.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from featuredocs.model import CodeBlock, ListItem, Page, Span
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd6_config.values import arithmetic
from featuredocs.rules.fd7_cache.durations import durations
from featuredocs.rules.fd7_cache.keys import KEY_SHAPE, CacheKeyClaim, TtlClaim, code_claim, is_key_text
from featuredocs.rules.fd7_cache.patterns import HOLE, pattern_from_node, pattern_from_text
from featuredocs.rules.fd7_cache.tables import table_claims
from featuredocs.rules.fd8_code.source import PythonSource, code_lines, heading_titles, is_python, python_source
from featuredocs.rules.page_text import any_line_within
from featuredocs.rules.pyblocks import parsed

CACHE_KEY_LABELS = ("Cache Keys", "Cache Key", "Cache keys used")
_LABELS = frozenset(label.casefold() for label in CACHE_KEY_LABELS)
_CACHE_METHODS = frozenset({
    "get", "set", "add", "delete", "get_or_set", "incr", "decr", "touch", "has_key",
    "aget", "aset", "aadd", "adelete", "aget_or_set", "aincr", "adecr", "atouch", "ahas_key",
})
_TIMEOUT_POSITION = {"set": 2, "add": 2, "get_or_set": 2, "touch": 1,
                     "aset": 2, "aadd": 2, "aget_or_set": 2, "atouch": 1}
_TTL = re.compile(r"\bTTL\b", re.IGNORECASE)
#: Words that say the duration right after them is how long an entry lives.
_LIFETIME = re.compile(r"\b(?:cached|cache[sd]?|kept|stored|lives?|expires?|expiry|ttl|timeout)\b", re.I)
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")
_LIFETIME_END = re.compile(r"\b(?:for|after|in|of|is|to|:)\s+(?:up\s+to\s+|about\s+|roughly\s+)?$|:\s*$", re.I)
_NAMES_A_CACHE_KEY = re.compile(r"cache_?key", re.IGNORECASE)
_STRING = re.compile(r"""(?P<f>[fF]?)(?P<q>["'])(?P<body>[^"'\n]*)(?P=q)""")


@dataclass(frozen=True, slots=True)
class CacheClaims:
    keys: tuple[CacheKeyClaim, ...]
    ttls: tuple[TtlClaim, ...]


def claims_for(page: Page, ctx: CheckContext) -> CacheClaims:
    return ctx.memo("fd7.claims", page, extract)


def extract(page: Page) -> CacheClaims:
    keys: list[CacheKeyClaim] = []
    code_ttls: list[TtlClaim] = []
    key_blocks, listed_items = _key_places(page)
    key_lines = {span.line for span in key_blocks}  # ruling most blocks out without hashing a span
    for code in page.code_blocks:
        listed = code.span.line in key_lines and code.span in key_blocks
        if is_python(code) and (listed or _in_caching_section(page, code.span.line)):
            found, timeouts = _python_keys(python_source(page, code), listed)
            keys.extend(found)
            code_ttls.extend(timeouts)
        elif listed:
            keys.extend(_plain_keys(page, code))
        elif is_python(code) and _NAMES_A_CACHE_KEY.search(code.text):
            keys.extend(_cache_key_names(python_source(page, code)))
    keys.extend(key for item in _flatten(listed_items) for key in _item_keys(item))
    table_keys, table_ttls = table_claims(page)
    keys.extend(table_keys)
    unique = tuple(dict.fromkeys(sorted(keys, key=_place)))
    claimed = {key.span for key in unique}
    named = [code_claim(code, inline=True) for code in page.codes
             if ":" in code.text and _is_prose_key(code.text) and code.span not in claimed]
    # ``### `orders:{id}:summary` ``: a heading that names a key gives its section's TTL
    # lines their key, as a Cache Keys list does
    headed = _heading_keys(page, named) if named else {}
    named = [headed.get(key.span, key) for key in named]
    owners = tuple(sorted((*unique, *headed.values()), key=_place)) if headed else unique
    ttls = tuple(code_ttls) + tuple(table_ttls) + tuple(_prose_ttls(page, owners))
    if not named:
        return CacheClaims(unique, ttls)
    ttled = {ttl.span.line for ttl in ttls}
    ttls += tuple(_sentence_ttls(page, [key for key in named if key.span.line not in ttled]))
    return CacheClaims(tuple(sorted((*unique, *named), key=_place)), ttls)


def _place(key: CacheKeyClaim) -> tuple[int, int, int, int]:
    """What keys are sorted by: their span, as plain numbers, which compare without a
    call per comparison."""
    span = key.span
    return span.line, span.column, span.end_line, span.end_column


def _heading_keys(page: Page, named: list[CacheKeyClaim]) -> dict[Span, CacheKeyClaim]:
    """The keys that a heading names, alone, by their span: documented under a heading
    about caching (``#### `orders:{id}:summary` `` under ``### Caching Strategy``), else
    named in passing."""
    headings = {section.heading.span.line: section.heading.plain for section in page.walk()}
    return {
        key.span: replace(key, inline=not _about_caching(heading_titles(page, key.span.line)[:-1]))
        for key in named if headings.get(key.span.line, "").strip() == key.text
    }


def _is_prose_key(text: str) -> bool:
    """``orders:{id}:summary``: colon-separated, with a hole, and no path or URL (the
    caller has seen the colon)."""
    return (
        ("{" in text or "<" in text) and "/" not in text and "=" not in text
        and is_key_text(text, strict=True) and pattern_from_text(text) != text
    )


# --- where keys are listed ----------------------------------------------------------


def _key_places(page: Page) -> tuple[set[Span], list[ListItem]]:
    """Spans of the code blocks that list cache keys, and the list items that do."""
    blocks: set[Span] = set()
    items: list[ListItem] = []
    for section in page.walk():
        labelled = next((lb for lb in section.labelled if _is_key_label(lb.label)), None) if section.labelled else None
        if labelled is not None:
            if labelled.code is not None:
                blocks.add(labelled.code.span)
            items.extend(labelled.items)
        if _is_key_title(section.heading.plain):
            blocks.update(code.span for code in section.code_blocks(deep=False))
            items.extend(item for block in section.blocks for item in block.items)
    return blocks, items


@lru_cache(maxsize=4096)  # pages repeat the same labels and titles
def _is_key_label(label: str) -> bool:
    return label.casefold() in _LABELS


@lru_cache(maxsize=4096)
def _is_key_title(title: str) -> bool:
    return "cache key" in title.casefold()


def _in_caching_section(page: Page, line: int) -> bool:
    return _about_caching(heading_titles(page, line))


@lru_cache(maxsize=4096)  # pages repeat the template's chains of headings
def _about_caching(titles: tuple[str, ...]) -> bool:
    return any("cach" in title.casefold() for title in titles)


def _flatten(items: list[ListItem] | tuple[ListItem, ...]) -> Iterator[ListItem]:
    for item in items:
        yield item
        yield from _flatten(item.children)


def _item_keys(item: ListItem) -> Iterator[CacheKeyClaim]:
    leading = item.source.lstrip("*_ ").startswith("`")
    for index, code in enumerate(item.codes):
        if is_key_text(code.text, strict=not (leading and index == 0)):
            yield code_claim(code)


# --- python blocks ------------------------------------------------------------------


def _python_keys(source: PythonSource, listed: bool) -> tuple[list[CacheKeyClaim], list[TtlClaim]]:
    tree = source.tree
    if tree is None:
        return (_regex_keys(source) if listed else []), []
    keys: list[CacheKeyClaim] = []
    ttls: list[TtlClaim] = []
    # The calls (and statements) by type, without walking every node; the keys are put
    # in page order afterwards, the timeouts stay in the order of their calls.
    index = parsed(source.text).index
    # ``key = f"orders:{pk}:summary"`` then ``cache.get(key)``: the key is the string
    bound = {
        target.id: statement.value
        for statement in index.of_type(ast.Assign) for target in statement.targets if isinstance(target, ast.Name)
    }
    for node in index.of_type(ast.Call):
        method = _cache_method(node)
        if method is None or not node.args:
            continue
        argument = node.args[0]
        key = _claim(source, bound.get(argument.id, argument) if isinstance(argument, ast.Name) else argument)
        if key is not None:
            keys.append(key)
            ttl = _call_timeout(source, node, method, key)
            if ttl is not None:
                ttls.append(ttl)
    if listed:
        for kind in (ast.Assign, ast.Expr):
            for statement in index.of_type(kind):
                keys.extend(_listed_strings(source, statement))
    return keys, ttls


def _cache_key_names(source: PythonSource) -> Iterator[CacheKeyClaim]:
    """The strings assigned to a ``cache_key`` name in a block of no caching section:
    named in passing, as prose names keys."""
    tree = source.tree
    if tree is None:
        return
    for statement in parsed(source.text).index.of_type(ast.Assign):
        names = [t.id.casefold() for t in statement.targets if isinstance(t, ast.Name)]
        if any("cache" in name and "key" in name for name in names):
            claim = _claim(source, statement.value)
            if claim is not None:
                yield replace(claim, inline=True)


def _cache_method(call: ast.Call) -> str | None:
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr not in _CACHE_METHODS:
        return None
    receiver = func.value
    if isinstance(receiver, ast.Subscript):
        receiver = receiver.value  # caches["default"].get(…)
    name = receiver.id if isinstance(receiver, ast.Name) else getattr(receiver, "attr", "")
    name = name.casefold()
    return func.attr if name in ("cache", "caches") or name.endswith("_cache") else None


def _listed_strings(source: PythonSource, node: ast.Assign | ast.Expr) -> Iterator[CacheKeyClaim]:
    if isinstance(node, ast.Assign):
        if not any(isinstance(t, ast.Name) and "key" in t.id.casefold() for t in node.targets):
            return
    values = node.value.elts if isinstance(node.value, ast.List | ast.Tuple) else [node.value]
    for value in values:
        claim = _claim(source, value)
        if claim is not None:
            yield claim


def _claim(source: PythonSource, node: ast.expr) -> CacheKeyClaim | None:
    pattern = pattern_from_node(node)
    if pattern is None or pattern == HOLE or not KEY_SHAPE.fullmatch(pattern):
        return None
    span = source.node_span(node)
    located = source.lines[node.lineno - 1]
    text = located.text[span.column - located.column : span.end_column - located.column]
    return CacheKeyClaim(pattern, text, span)


def _call_timeout(source: PythonSource, call: ast.Call, method: str, key: CacheKeyClaim) -> TtlClaim | None:
    value: ast.expr | None = next((k.value for k in call.keywords if k.arg == "timeout"), None)
    position = _TIMEOUT_POSITION.get(method)
    if value is None and position is not None and len(call.args) > position:
        value = call.args[position]
    if value is None:
        return None
    seconds = arithmetic(ast.unparse(value))
    if seconds is None:
        return None
    return TtlClaim(seconds, None, source.node_span(value), (key,))


def _regex_keys(source: PythonSource) -> list[CacheKeyClaim]:
    """Strings of a listed block that does not parse (``cache_key = f"…"`` lines)."""
    keys = []
    for located in source.lines:
        for match in _STRING.finditer(located.text):
            body = match["body"]
            if KEY_SHAPE.fullmatch(body) and pattern_from_text(body) != HOLE:
                keys.append(CacheKeyClaim(pattern_from_text(body), match.group(0), located.span(*match.span())))
    return keys


def _plain_keys(page: Page, code: CodeBlock) -> Iterator[CacheKeyClaim]:
    """``orders:{order_id}:summary  # TTL 15 minutes`` lines of a text block."""
    for located in code_lines(page, code):
        text = re.split(r"\s#|^#|\s—\s|\s-\s|\s→\s", located.text, maxsplit=1)[0]
        quoted = list(_STRING.finditer(text))
        if quoted:
            for match in quoted:
                body = match["body"]
                if is_key_text(body, strict=False):
                    span = located.span(*match.span())
                    yield CacheKeyClaim(pattern_from_text(body), match.group(0), span)
            continue
        word = re.match(r"\s*(\S+)", text)
        if word and is_key_text(word[1].rstrip(":,"), strict=True):
            token = word[1].rstrip(":,")
            yield CacheKeyClaim(pattern_from_text(token), token, located.span(word.start(1), word.start(1) + len(token)))


# --- TTLs ---------------------------------------------------------------------------

def _prose_ttls(page: Page, keys: tuple[CacheKeyClaim, ...]) -> Iterator[TtlClaim]:
    if not keys:
        return
    for number in _ttl_lines(page, keys):
        if _in_code(page, keys, number):
            continue
        text = page.lines[number - 1]
        label = _TTL.search(text)
        if label is None:
            continue
        found = durations(text[label.end() :])
        owners = _owners(page, keys, number) if found else ()
        if not owners:
            continue
        if len({d.seconds for d in found}) == 1:
            first = found[0]
            start = label.end() + first.start
            span = Span(number, start + 1, number, start + 1 + len(first.text))
            yield TtlClaim(first.seconds, first, span, owners, plain=len(found) == 1)
        elif len(owners) > 1:
            yield from _clause_ttls(text, label.end(), number, owners)


#: Where a clause of a TTL line ends: "10 minutes for details; availability 60 seconds".
_CLAUSE_END = re.compile(r"[;,]\s|[.!?](?:\s|$)|\s(?:and|but|while|whereas)\s", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+")


def _clause_ttls(text: str, offset: int, number: int, owners: tuple[CacheKeyClaim, ...]) -> Iterator[TtlClaim]:
    """The TTLs of a line that gives several keys a duration each, one per clause
    (``**TTL**: 10 minutes for book details; availability counts 60 seconds``): each clause
    names a word of its key's pattern that no other key's has. Else none: the line is not
    ours to judge."""
    words = [_words(key.pattern) for key in owners]
    own = [mine - set().union(*words[:index], *words[index + 1 :]) for index, mine in enumerate(words)]
    claims = []
    at = offset
    for end in [*(m.start() for m in _CLAUSE_END.finditer(text, offset)), len(text)]:
        clause = text[at:end]
        found = durations(clause)
        if found:
            named = _words(clause)
            keys = [key for key, distinct in zip(owners, own, strict=True) if distinct & named]
            if len(found) != 1 or len(keys) != 1:
                return
            start = at + found[0].start
            span = Span(number, start + 1, number, start + 1 + len(found[0].text))
            claims.append(TtlClaim(found[0].seconds, found[0], span, (keys[0],), plain=True))
        at = end
    yield from claims


def _words(text: str) -> set[str]:
    """Lower-case words, a plural as its singular: "Book details" and ``library:books``
    share ``book``."""
    return {word[:-1] if len(word) > 3 and word.endswith("s") else word for word in _WORD.findall(text.lower())}


def _ttl_lines(page: Page, keys: tuple[CacheKeyClaim, ...]) -> Iterator[int]:
    """The lines that write ``ttl`` in any case, in order, of the top-level sections that
    hold a key: a TTL belongs to keys of its own section or of those enclosing it, never
    to another part of the page, which is not read."""
    key_lines = sorted(key.span.line for key in keys)
    for top in page.sections:
        first, last = top.heading.span.line, top.end_line
        if any_line_within(key_lines, first, last):
            lines = enumerate(page.lines[first - 1 : last], start=first)
            yield from (number for number, text in lines if "ttl" in text.lower())


def _sentence_ttls(page: Page, named: list[CacheKeyClaim]) -> Iterator[TtlClaim]:
    """The lifetime a line gives the keys it names in passing."""
    by_line: dict[int, list[CacheKeyClaim]] = {}
    for key in named:
        by_line.setdefault(key.span.line, []).append(key)
    for number, keys in by_line.items():
        text = page.line_text(number)
        found = durations(text)
        if len({d.seconds for d in found}) != 1:
            continue  # no duration, or several: not ours to judge
        first = found[0]
        sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, first.start)), default=0)
        before = text[sentence_start : first.start]
        if _LIFETIME.search(before) is None or _LIFETIME_END.search(before) is None:
            continue
        keys = [key for key in keys if key.span.column - 1 >= sentence_start]
        if keys:
            span = Span(number, first.start + 1, number, first.start + 1 + len(first.text))
            yield TtlClaim(first.seconds, first, span, tuple(keys), plain=len(found) == 1)


def _in_code(page: Page, keys: tuple[CacheKeyClaim, ...], number: int) -> bool:
    """Whether line ``number`` is inside a code block, and not the line of a listed key
    (``key  # TTL 15 min``)."""
    if any(key.span.line == number for key in keys):
        return False
    return any(code.span.line <= number <= code.span.end_line for code in page.code_blocks)


def _owners(page: Page, keys: tuple[CacheKeyClaim, ...], line: int) -> tuple[CacheKeyClaim, ...]:
    """The keys on the TTL's line; else those of its section; else those an enclosing
    section lists before its first sub-section (never a sibling section's keys)."""
    same_line = tuple(key for key in keys if key.span.line == line)
    if same_line:
        return same_line
    chain = page.section_at(line)
    for depth, section in enumerate(reversed(chain)):
        last = section.end_line
        if depth and section.subsections:
            last = section.subsections[0].heading.span.line - 1
        inside = tuple(k for k in keys if section.heading.span.line <= k.span.line <= last)
        if inside:
            return inside
    return ()
