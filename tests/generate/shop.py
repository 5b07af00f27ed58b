"""The bundled example shop, copied where a test may write, and its facts as JSON.

Tests never write into ``examples/``: every test that runs a writing command works on a
copy in a temporary folder.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

from featuredocs.cache import DEFAULT_DIR
from tests.cli.support import featuredocs

SHOP = Path(__file__).resolve().parents[2] / "examples" / "shop"
APPS = ("catalog", "orders", "customers")  # the apps with models, commands and endpoints


def copy_shop(target: Path) -> Path:
    """A fresh copy of the example project under ``target``, without the cache a demo run
    may have left in it."""
    destination = target / "shop"
    shutil.copytree(SHOP, destination, ignore=shutil.ignore_patterns("__pycache__", "*.sqlite3", DEFAULT_DIR))
    return destination


def facts_json(project: Path) -> dict[str, Any]:
    """The facts as ``featuredocs facts`` prints them (one live introspection)."""
    run = featuredocs("facts", cwd=project)
    assert run.code == 0, run.err
    return json.loads(run.out)


# --- filling in a generated page the way a person would -------------------------------------

_BRACKETED = re.compile(r"(?<![\\!])\[([^\[\]\n]+)\](?![(\[])")
_FENCE = re.compile(r"^\s*(```|~~~)")
_FILLER_LINES = re.compile(
    r"^\s*(?:from (?:app|other_app)\.models import \w+|result = Model\.objects\.do_something\(\)"
    r"|instance = Model\.objects\.create\(field=value\)|combined = Model\.integrate_with\(.*\)"
    r"|result = instance\.process\(\)|assert result\.status == 'completed'"
    r"|Model\.objects\.select_related\('relation'\)\.filter\(condition\)"
    r"|python manage\.py (?:command_\w+|command\d)\b.*)\s*$"
)
_FILLER_PHRASES = {
    "Purpose and responsibility": "Keeps the feature's state consistent",
    "Current capacity": "what one server handles today",
    "Target capacity": "what the next year needs",
}


def fill_placeholders(text: str) -> str:
    """The page with every template placeholder replaced by plain prose: bracketed
    text becomes words, the template's example code lines go, its filler phrases become
    sentences, and links to example.com point at a real site."""
    lines: list[str] = []
    in_code = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_code = not in_code
            lines.append(line)
            continue
        if in_code:
            if not _FILLER_LINES.match(line):
                lines.append(line)
            continue
        lines.append(_fill_prose(line))
    return "\n".join(lines)


def _fill_prose(line: str) -> str:
    line = line.replace("https://example.com", "https://docs.djangoproject.com/")
    line = re.sub(r"\[(External Doc \d)\]\(([^)]*)\) - Description", r"[\1](\2) - Background reading", line)
    for phrase, prose in _FILLER_PHRASES.items():
        line = line.replace(phrase, prose)
    if re.match(r"^\s*- \[[^\]]+\]: Description\s*$", line):  # `- [Capability 1]: Description`
        return re.sub(r"\[([^\]]+)\]: Description", lambda m: f"{_words(m.group(1))}: described here", line)
    return _BRACKETED.sub(lambda m: _words(m.group(1)), line)


def _words(placeholder: str) -> str:
    """``Capability 1`` → ``written capability 1``: prose that names no code."""
    return "written " + placeholder.lower().replace("`", "")


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace ``old`` in the file, which must hold it."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new), encoding="utf-8")


def rename_expired_at_and_add_gift_note(project: Path) -> None:
    """The code change sync tests make to a copy of the shop: ``Order.expired_at`` renamed
    to ``expired_on``, and a ``gift_note`` field added."""
    model = project / "orders/models/order.py"
    replace_in(
        model,
        "    expired_at = models.DateTimeField(null=True, blank=True)\n",
        "    expired_on = models.DateTimeField(null=True, blank=True)\n"
        '    gift_note = models.TextField(blank=True, help_text="Printed on the packing slip.")\n',
    )
    replace_in(model, "expired_at", "expired_on")
    replace_in(project / "orders/admin.py", '"expired_at"', '"expired_on"')
