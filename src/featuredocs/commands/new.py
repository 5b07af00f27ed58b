"""``featuredocs new NAME --app APP``: write a feature page from the code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from featuredocs.cache import cached_facts
from featuredocs.commands.common import config_from, documented_and_facts, project_facts
from featuredocs.config import Config
from featuredocs.errors import UsageError
from featuredocs.generate.docs_context import DocsContext, docs_context
from featuredocs.generate.new import NewPage, page_path, page_rel, render_new_page
from featuredocs.markdown.load import display_path
from featuredocs.model import ProjectFacts
from featuredocs.output import atomic_write


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    path = page_path(config, args.name)
    shown = display_path(path, None)
    if path.exists() and not (args.force or args.stdout):
        raise UsageError("already exists (use --force to overwrite it)", shown)
    facts, docs = _facts_and_docs(config, args)
    request = NewPage(args.name, args.app, tuple(args.model), tuple(args.command), args.url_prefix)
    text = render_new_page(config, facts, request, docs)
    if args.stdout:
        sys.stdout.write(text)
        return 0
    atomic_write(path, text)
    print(f"featuredocs: wrote {shown}", file=sys.stderr)
    if not _linked_from_index(config.docs / "README.md", path.name):
        print("featuredocs: run `featuredocs index` to link it from the documentation index",
              file=sys.stderr)
    return 0


def _facts_and_docs(config: Config, args: argparse.Namespace) -> tuple[ProjectFacts, DocsContext]:
    """The facts, and the docs tree the page will link into: read by a check of the docs,
    so that after a check the feature pages come from the cache unparsed."""
    missing = "no facts could be read from the project; nothing to write"
    rel = page_rel(args.name)
    if not config.docs.is_dir():
        outcome = cached_facts(config, use_cache=not args.no_cache)
        return project_facts(outcome, missing), DocsContext(rel)
    facts, claimed, tree = documented_and_facts(config, args, missing)
    return facts, docs_context(rel, tree.root, tree.files, tree.texts, claimed)


def _linked_from_index(index: Path, name: str) -> bool:
    try:
        return f"features/{name}" in index.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
