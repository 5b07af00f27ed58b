"""Benchmarks of featuredocs at scale: a project-and-docs generator and a timing runner."""
