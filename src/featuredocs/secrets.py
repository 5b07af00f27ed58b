"""Masking secrets before any value leaves the project through featuredocs.

Used by introspection (setting values, environment defaults) and by anything that prints or
writes those values. A name "looks secret" when one of its words is a secret word (``KEY``,
``TOKEN``, ``SECRET``, ``PASSWORD``, …) and it does not merely describe a secret's handling
(``PASSWORD_HASHERS``, ``KEY_PREFIX``, ``TOKEN_LIFETIME``) or name a key that opens
nothing (``cache_key``, ``SORT_KEY``). URLs with ``user:password@``
credentials are masked in the password part wherever they appear.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

MASK = "********"

_SECRET_WORDS = frozenset({
    "KEY", "KEYS", "APIKEY", "TOKEN", "TOKENS", "SECRET", "SECRETS", "PASSWORD", "PASSWORDS",
    "PASSWD", "PWD", "PASS", "PASSPHRASE", "PRIVATE", "CREDENTIAL", "CREDENTIALS", "DSN",
    "SALT",
})
#: Words that, when they end a name, make it a description of secrets rather than one.
_HANDLING_WORDS = frozenset({
    "PREFIX", "FUNCTION", "FUNC", "HASHERS", "VALIDATORS", "TIMEOUT", "LIFETIME", "TTL",
    "EXPIRY", "EXPIRES", "AGE", "LENGTH", "HEADER", "NAME", "FIELD", "CLASS", "CLASSES",
    "BACKEND", "BACKENDS", "URL", "PATH", "FILE", "ENABLED", "REQUIRED", "ALGORITHM",
    "TYPE", "MODEL", "VERSION", "ROTATE", "LEEWAY", "COOKIE", "DOMAIN", "SECURE",
    "HTTPONLY", "SAMESITE", "USER", "USERNAME", "ERROR", "EXCEPTION",
})
#: Words that, before ``KEY``, name a key that opens nothing: ``cache_key``, ``SORT_KEY``,
#: ``lock_key``, ``PUBLIC_KEY``.
_KEY_KINDS = frozenset({
    "CACHE", "LOCK", "SORT", "PRIMARY", "FOREIGN", "LOOKUP", "ROUTING", "PARTITION",
    "IDEMPOTENCY", "DEDUP", "DEDUPE", "THROTTLE", "RATELIMIT", "GROUP", "PUBLIC",
})
#: Django settings whose names contain a secret word but hold no secret.
_KNOWN_PUBLIC = frozenset({
    "AUTH_PASSWORD_VALIDATORS", "PASSWORD_HASHERS", "PASSWORD_RESET_TIMEOUT",
    "AUTH_USER_MODEL", "CSRF_HEADER_NAME", "SECURE_PROXY_SSL_HEADER",
    "DEFAULT_AUTO_FIELD", "AUTHENTICATION_BACKENDS",
})
_URL_CREDENTIALS = re.compile(
    r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.\-]*://)(?P<user>[^:/@\s]*):(?P<password>[^@/\s]+)@"
)
_DSN_USER = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.\-]*://)(?P<user>[^:/@\s]+)@")


def _words(name: str) -> list[str]:
    # camelCase and kebab-case keys of nested dicts count as words too
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    return [w for w in re.split(r"[_\-\s.]+", spaced.upper()) if w]


def looks_secret(name: str) -> bool:
    """True when a setting, environment variable or dict key name looks like a secret."""
    upper = name.upper()
    if upper in _KNOWN_PUBLIC:
        return False
    words = _words(name)
    secret = [
        index for index, word in enumerate(words)
        if word in _SECRET_WORDS and not (word in ("KEY", "KEYS") and index and words[index - 1] in _KEY_KINDS)
    ]
    return bool(secret) and words[-1] not in _HANDLING_WORDS


def mask_url_credentials(text: str, *, mask_user: bool = False) -> str:
    """``scheme://user:pass@host`` → ``scheme://user:********@host``.

    With ``mask_user`` (for DSNs such as Sentry's, whose user part is the key), a bare
    ``scheme://key@host`` is masked too.
    """
    masked = _URL_CREDENTIALS.sub(lambda m: f"{m['scheme']}{m['user']}:{MASK}@", text)
    if mask_user:
        masked = _DSN_USER.sub(lambda m: f"{m['scheme']}{MASK}@", masked)
    return masked


def mask_text(name: str, text: str | None) -> tuple[str | None, bool]:
    """A value written as text (an environment default), masked; and whether it was secret."""
    if text is None:
        return None, looks_secret(name)
    if looks_secret(name):
        if text == "" or text == "None":
            return text, True  # an empty default reveals nothing
        if "://" in text:
            return mask_url_credentials(text, mask_user=True), True
        return MASK, True
    masked = mask_url_credentials(text)
    return masked, masked != text


def mask_value(name: str, value: Any) -> tuple[Any, bool]:
    """``value`` with secrets replaced by :data:`MASK`; and whether anything was masked.

    Containers are rebuilt (dicts, lists, tuples) with secret keys masked at any depth;
    strings with URL credentials keep everything but the password.
    """
    if looks_secret(name):
        if isinstance(value, Mapping):
            return {k: MASK for k in value}, True
        if value in (None, "", (), []):
            return value, True
        if isinstance(value, str) and "://" in value:
            return mask_url_credentials(value, mask_user=True), True
        return MASK, True
    return _mask_nested(value)


def _mask_nested(value: Any) -> tuple[Any, bool]:
    if isinstance(value, str):
        text = mask_url_credentials(value)
        return text, text != value
    if isinstance(value, Mapping):
        masked = {k: mask_value(str(k), v)[0] for k, v in value.items()}
        # an empty password under a secret key hides nothing: not a secret
        return masked, any(masked[k] != v for k, v in value.items())
    if isinstance(value, list | tuple):
        items = [_mask_nested(v) for v in value]
        rebuilt = [v for v, _ in items]
        return (tuple(rebuilt) if isinstance(value, tuple) else rebuilt), any(s for _, s in items)
    return value, False


def masked_repr(name: str, value: Any) -> tuple[str, bool]:
    """``repr`` of the masked value, and whether it was (or held) a secret."""
    masked, secret = mask_value(name, value)
    return safe_repr(masked), secret


def safe_repr(value: Any, limit: int = 2000) -> str:
    """``repr`` that never raises and never runs away."""
    try:
        text = repr(value)
    except Exception:  # a project object whose __repr__ fails
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


#: ``NAME=value``, ``NAME: value``, ``"NAME": "value"``, ``NAME = "value"`` on a line of a page.
_ASSIGNED = re.compile(
    # a string's prefix goes with its quote: ``key = f"…"`` (not a bare value ``f``)
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?P<between>[\"']?\s*[:=]\s*(?:[rRbBfFuU]{0,2}[\"'])?)"
    # a quoted value runs to its quote (a password may hold ``}``); a bare one to code
    r"(?P<value>(?<=[\"'])[^\"'\n]+|[^\s\"'#,;)}\]]+)"
)


_QUOTES = frozenset("\"'")
#: A cache or lock key's pattern, with a separator and a named hole: ``library:book:{pk}``.
_KEY_PATTERN = re.compile(r"[\w.-]+[:/][\w.:/{}-]*\{[a-z_][a-z0-9_.]*\}[\w.:/{}-]*")
_CODE = re.compile(r"[A-Za-z_][\w.]*[(\[]|[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$")


def mask_line(line: str) -> str:
    """A page's line with the values of secret-looking names and URL passwords starred,
    one star per character, so that columns counted in the line still hold."""
    if "=" not in line and ":" not in line:
        return line

    def starred(match: re.Match[str]) -> str:
        value = match["value"]
        if not looks_secret(match["name"]):
            # The value may hold an assignment of its own: ``error: api_token=…``.
            return match["name"] + match["between"] + _ASSIGNED.sub(starred, value)
        if not _QUOTES & set(match["between"]) and _CODE.match(value):
            return match.group(0)  # code that reads a secret (``os.environ[…]``)
        if _words(match["name"])[-1] in ("KEY", "KEYS") and _KEY_PATTERN.fullmatch(value):
            return match.group(0)  # a key pattern with holes (``"library:availability:{book_id}"``)
        return match["name"] + match["between"] + "*" * len(value)

    masked = _ASSIGNED.sub(starred, line)
    return _URL_CREDENTIALS.sub(lambda m: f"{m['scheme']}{m['user']}:{'*' * len(m['password'])}@", masked)
