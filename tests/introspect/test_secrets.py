"""Which names look secret, and how values are masked."""

from __future__ import annotations

from typing import Any

import pytest

from featuredocs.secrets import (
    MASK,
    looks_secret,
    mask_line,
    mask_text,
    mask_url_credentials,
    mask_value,
    masked_repr,
)


@pytest.mark.parametrize("name", [
    "SECRET_KEY", "SECRET_KEY_FALLBACKS", "API_TOKEN", "STRIPE_API_KEY", "EMAIL_HOST_PASSWORD",
    "DB_PASSWD", "PRIVATE_KEY", "AWS_CREDENTIALS", "SENTRY_DSN", "password", "apiKey",
    "signing-key", "CACHE_API_KEY", "REDIS_CACHE_PASSWORD",
])
def test_secret_names(name: str) -> None:
    assert looks_secret(name)


@pytest.mark.parametrize("name", [
    "DEBUG", "AUTH_PASSWORD_VALIDATORS", "PASSWORD_HASHERS", "PASSWORD_RESET_TIMEOUT",
    "KEY_PREFIX", "KEY_FUNCTION", "ACCESS_TOKEN_LIFETIME", "CSRF_HEADER_NAME", "MONKEY",
    "DATABASE_URL", "AUTH_USER_MODEL", "TOKEN_HEADER", "KeyError", "InvalidTokenException",
    "cache_key", "SORT_KEY", "lock_key", "JWT_PUBLIC_KEY", "idempotency_key",
])
def test_public_names(name: str) -> None:
    assert not looks_secret(name)


def test_a_line_keeps_a_cache_key_and_masks_an_api_key() -> None:
    line = 'cache_key = f"catalog:products:{pk}:summary"; api_key = "s3cr3t"'
    assert mask_line(line) == 'cache_key = f"catalog:products:{pk}:summary"; api_key = "******"'


def test_a_quoted_secret_is_masked_to_its_quote_and_a_key_pattern_is_shown() -> None:
    assert mask_line('password = "pa}ss) word"') == 'password = "' + '*' * 11 + '"'
    assert mask_line('{"password": "pw", "user": "app"}') == '{"password": "**", "user": "app"}'
    line = 'availability_key = "library:availability:{book_id}:{branch}"'
    assert mask_line(line) == line
    assert mask_line('availability_key = "k3y:s3cr3t"') == 'availability_key = "' + '*' * 10 + '"'


def test_a_string_prefix_goes_with_its_quote() -> None:
    line = 'key = f"reports:revenue:{year}-{month:02d}"'
    assert mask_line(line) == line  # was 'key = *"reports:…"': the prefix taken for the value
    assert mask_line('api_key = f"sk_live_{suffix}"') == 'api_key = f"' + "*" * 16 + '"'
    assert mask_line("password=fabc") == "password=****"  # a bare value that starts with f


def test_a_line_masks_an_assignment_inside_another_value() -> None:
    # an exception's message after its name: the name is no secret, what it says may be
    assert mask_line("ValueError: api_token=s3cr3t was refused") == "ValueError: api_token=****** was refused"
    assert mask_line("KeyError: 'SHOP_SMS_API_KEY'") == "KeyError: 'SHOP_SMS_API_KEY'"
    assert mask_line("mode: fast") == "mode: fast"


def test_url_credentials_keep_all_but_the_password() -> None:
    assert mask_url_credentials("postgres://app:pw@db:5432/shop") == f"postgres://app:{MASK}@db:5432/shop"
    assert mask_url_credentials("redis://:pw@cache/0") == f"redis://:{MASK}@cache/0"
    assert mask_url_credentials("https://example.com/a@b") == "https://example.com/a@b"
    assert mask_url_credentials("https://key@sentry.io/1", mask_user=True) == f"https://{MASK}@sentry.io/1"


def test_nested_values_are_masked_by_key() -> None:
    value: dict[str, Any] = {"default": {"PASSWORD": "pw", "USER": "app", "OPTIONS": {"dsn": "pg://u:p@h/d"}},
             "replica": {"PASSWORD": ""}}
    masked, secret = mask_value("DATABASES", value)
    assert secret
    assert masked == {"default": {"PASSWORD": MASK, "USER": "app",
                                  "OPTIONS": {"dsn": f"pg://u:{MASK}@h/d"}},
                      "replica": {"PASSWORD": ""}}
    assert value["default"]["PASSWORD"] == "pw"  # the original is untouched
    assert mask_value("DATABASES", {"default": {"PASSWORD": ""}}) == ({"default": {"PASSWORD": ""}}, False)
    assert masked_repr("ALLOWED", ["a", ("b", "x://u:p@h")]) == (f"['a', ('b', 'x://u:{MASK}@h')]", True)


def test_whole_values_of_secret_names() -> None:
    assert masked_repr("SECRET_KEY", "abc") == (f"'{MASK}'", True)
    assert masked_repr("API_KEYS", {"stripe": "sk"}) == (f"{{'stripe': '{MASK}'}}", True)
    assert masked_repr("DEBUG", True) == ("True", False)


def test_text_defaults() -> None:
    assert mask_text("API_TOKEN", "abc") == (MASK, True)
    assert mask_text("API_TOKEN", "") == ("", True)
    assert mask_text("REDIS_URL", "redis://u:p@h") == (f"redis://u:{MASK}@h", True)
    assert mask_text("REGION", "eu") == ("eu", False)
    assert mask_text("API_TOKEN", None) == (None, True)
