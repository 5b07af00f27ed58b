"""A synthetic Django monolith and its feature pages, deterministic from a seed.

``plan`` decides what exists (apps, models, commands, endpoints, settings, pages),
``project`` writes the Python code, ``pages`` writes the Markdown, ``drifts`` seeds known
disagreements into a few pages and records them in a manifest.
"""
