"""Coverage counted a second way, for the tests: the facts JSON walked by hand, the project's
source and the pages read with plain regular expressions (no featuredocs code).

The counts follow the documented definitions (see ``featuredocs.coverage.inventory``):
what the project's own apps have, and what the pages name in the template's shapes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

Key = tuple[str, object]  # (kind, identity)

_INDEX_KINDS = {"index", "index_together", "unique_together", "unique_constraint"}
_METHODS = "GET|POST|PUT|PATCH|DELETE"


def own_apps(facts: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["label"]: a for a in facts["apps"] if a["project"] and a["path"] not in ("", ".")}


# --- what the project has --------------------------------------------------------------------


def project_items(facts: dict[str, Any], root: Path) -> dict[Key, str]:
    """Every documentable item, mapped to the app it belongs to."""
    apps = own_apps(facts)
    by_module = {a["name"]: label for label, a in apps.items()}
    items: dict[Key, str] = {}
    for model in facts["models"]:
        if model["app_label"] not in apps or model["abstract"]:
            continue
        label = f"{model['app_label']}.{model['name']}"
        items[("models", label)] = model["app_label"]
        plain = {f["name"] for f in model["fields"] if not f["is_relation"]}
        for field in model["fields"]:
            # declared by the model itself, in the project's files, and a column
            own = not field["reverse"] and not field["auto_created"] and field["inherited_from"] is None
            in_project = field["location"] is not None and "site-packages" not in field["location"]["path"]
            if own and in_project and field["field_class"] != "GenericForeignKey":
                items[("fields", (label, field["name"]))] = model["app_label"]
        for index in model["indexes"]:
            single_plain = index["kind"] == "db_index" and index["fields"][0] in plain
            if index["kind"] in _INDEX_KINDS or single_plain:
                key = index["name"] or f"{index['kind']}:{','.join(index['fields'])}"
                items[("indexes", (label, key))] = model["app_label"]
    for command in facts["commands"]:
        if command["project"] and command["app"] in by_module:
            app = by_module[command["app"]]
            items[("commands", command["name"])] = app
            for option in command["options"]:
                if not option["base"] and option["subcommand"] is None and option["action"] != "help":
                    items[("options", (command["name"], option["dest"]))] = app
    for endpoint in facts["endpoints"]:
        if endpoint["app"] in apps:
            for method in endpoint["methods"]:
                items[("endpoints", (endpoint["path"], method))] = endpoint["app"]
            for param in endpoint["query_params"]:
                if param["source"] != "format":
                    items[("query_params", (endpoint["path"], param["name"]))] = endpoint["app"]
    for app, (settings, variables) in _configuration(facts, root).items():
        for name in settings:
            items.setdefault(("settings", name), app)
        for name in variables:
            items.setdefault(("env_vars", name), app)
    return items


def _configuration(facts: dict[str, Any], root: Path) -> dict[str, tuple[set[str], set[str]]]:
    """Per app: the project settings its code reads (or that carry its prefix), and the
    environment variables read in its folder or behind those settings."""
    project_settings = {s["name"] for s in facts["settings"] if s["project"]}
    settings_text = (root / "shop" / "settings.py").read_text(encoding="utf-8")
    blocks = dict(re.findall(r"^([A-Z][A-Z0-9_]*) = (.*?)(?=^[A-Z][A-Z0-9_]* = |\Z)", settings_text, re.M | re.S))
    result = {}
    for label, app in own_apps(facts).items():
        source = "\n".join(
            p.read_text(encoding="utf-8") for p in (root / app["path"]).rglob("*.py") if "migrations" not in p.parts
        )
        read = set(re.findall(r"\bsettings\.([A-Z][A-Z0-9_]*)", source))
        settings = {s for s in project_settings if s in read or s.startswith(label.upper() + "_")}
        variables = {
            v["name"] for v in facts["env_vars"]
            if any(loc["path"].startswith(app["path"] + "/") for loc in v["locations"])
        }
        pending, seen = list(settings), set()
        while pending:
            name = pending.pop()
            if name in seen or name not in blocks:
                continue
            seen.add(name)
            variables |= set(re.findall(r"""(?:getenv|environ\.get|environ\[)\(?["'](\w+)["']""", blocks[name]))
            pending += re.findall(r"\b([A-Z][A-Z0-9_]+)\b", blocks[name])
        result[label] = (settings, variables)
    return result


# --- what the pages say --------------------------------------------------------------------------


def _sections(text: str, level: int) -> list[tuple[str, str]]:
    marks = "#" * level
    parts = re.split(rf"^{marks} (.+)$", text, flags=re.M)
    return list(zip(parts[1::2], parts[2::2], strict=True))


def _list_after(label: str, text: str) -> list[str]:
    match = re.search(rf"^\*\*{label}:\*\*\n((?:- .*\n?)+)", text, re.M)
    return match.group(1).splitlines() if match else []


def _shape(path: str) -> str:
    return re.sub(r"\{[^}/]+\}|(?<=/)\d+(?=/)", "{}", path.split("?")[0])


def documented(pages: list[str], facts: dict[str, Any]) -> set[Key]:
    found: set[Key] = set()
    for text in pages:
        sections = dict(_sections(text, 2))
        _models(sections.get("Data Models", ""), facts, found)
        _commands(sections.get("Management Commands", ""), facts, found)
        _endpoints(text, sections.get("API Endpoints", ""), facts, found)
        config = dict(_sections(sections.get("Configuration", ""), 3))
        found |= {("env_vars", n) for n in re.findall(r"^([A-Z][A-Z0-9_]*)=", config.get("Environment Variables", ""), re.M)}
        found |= {("settings", n) for n in re.findall(r"^([A-Z][A-Z0-9_]*) = ", config.get("Django Settings", ""), re.M)}
    return found


def _models(text: str, facts: dict[str, Any], found: set[Key]) -> None:
    for name, body in _sections(text, 3):
        model = next((m for m in facts["models"] if m["name"] == name.strip()), None)
        if model is None:
            continue
        label = f"{model['app_label']}.{model['name']}"
        found.add(("models", label))
        names = {f["name"] for f in model["fields"]}
        for item in _list_after("Fields", body):
            match = re.match(r"- `(\w+)`", item)
            if match and match.group(1) in names:
                found.add(("fields", (label, match.group(1))))
        for item in _list_after("Indexes", body):
            tokens = set(re.findall(r"`([^`]+)`", item))
            for index in model["indexes"]:
                key = index["name"] or f"{index['kind']}:{','.join(index['fields'])}"
                if index["name"] in tokens or set(index["fields"]) == tokens & names:
                    found.add(("indexes", (label, key)))


def _commands(text: str, facts: dict[str, Any], found: set[Key]) -> None:
    for name, body in _sections(text, 3):
        command = next((c for c in facts["commands"] if c["name"] == name.strip()), None)
        if command is None:
            continue
        found.add(("commands", command["name"]))
        for item in _list_after("Options", body):
            written = re.match(r"- `([^`]+)`", item)
            for option in command["options"] if written else ():
                if written.group(1) in option["flags"] or written.group(1) == option["dest"]:
                    found.add(("options", (command["name"], option["dest"])))


def _endpoint_for(method: str, path: str, facts: dict[str, Any]) -> dict[str, Any] | None:
    for endpoint in facts["endpoints"]:
        if _shape(endpoint["path"]) == _shape(path) and method in (endpoint["methods"] or ()):
            return endpoint
    return None


def _endpoints(page: str, text: str, facts: dict[str, Any], found: set[Key]) -> None:
    for line in re.findall(rf"^((?:{_METHODS}) /\S*) HTTP/1\.1$", page, re.M):
        method, target = line.split(" ", 1)
        endpoint = _endpoint_for(method, target, facts)
        if endpoint is not None:
            found.add(("endpoints", (endpoint["path"], method)))
            for name in re.findall(r"[?&](\w+)=", target):
                found.add(("query_params", (endpoint["path"], name)))
    for heading, body in _sections(text, 3):
        match = re.match(rf"({_METHODS}) (/\S*)$", heading.strip())
        endpoint = _endpoint_for(match.group(1), match.group(2), facts) if match else None
        if endpoint is None:
            continue
        found.add(("endpoints", (endpoint["path"], match.group(1))))  # type: ignore[union-attr]
        for item in _list_after("Query Parameters", body):
            name = re.match(r"- `(\w+)`", item)
            if name:
                found.add(("query_params", (endpoint["path"], name.group(1))))


# --- the report's numbers ----------------------------------------------------------------------------


def expected_counts(items: dict[Key, str], found: set[Key]) -> dict[str, Any]:
    """``{"kinds": {kind: (documented, total)}, "apps": {app: (documented, total)}}``."""
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    apps: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, app in items.items():
        hit = int(key in found)
        kinds[key[0]][0] += hit
        kinds[key[0]][1] += 1
        apps[app][0] += hit
        apps[app][1] += 1
    return {
        "kinds": {k: tuple(v) for k, v in kinds.items()},
        "apps": {a: tuple(v) for a, v in apps.items()},
        "missing": sorted(key for key in items if key not in found),
    }
