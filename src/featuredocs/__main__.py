from featuredocs.cli import run

raise SystemExit(run())
