"""The bundled example shop for sync tests: copied before anything writes, pages in memory."""

from __future__ import annotations

from pathlib import Path

from featuredocs.config import Config
from featuredocs.markdown import parse_page
from featuredocs.model import DocSet

SHOP = Path(__file__).resolve().parents[2] / "examples" / "shop"
PAGES = ("features/order-lifecycle.md", "features/payment-reminders.md", "features/product-catalog.md")
#: The codes whose findings sync settles.
SYNCED = (
    "FD302", "FD303", "FD304", "FD305", "FD306", "FD402", "FD403", "FD405", "FD502", "FD503", "FD510",
    "FD504", "FD601", "FD602", "FD603", "FD606", "FD702",
)


def page_texts() -> dict[str, str]:
    return {rel: (SHOP / "docs" / rel).read_text(encoding="utf-8") for rel in PAGES}


def docset_of(texts: dict[str, str], root: Path = SHOP / "docs") -> DocSet:
    """The pages, parsed in memory as if they were under ``root``."""
    pages = tuple(parse_page(text, path=root / rel, rel=rel, display=f"docs/{rel}") for rel, text in texts.items())
    return DocSet(root, pages)


def synced_config(root: Path = SHOP) -> Config:
    """A configuration that runs only the codes sync settles."""
    return Config(root=root, docs=root / "docs", select=SYNCED)
