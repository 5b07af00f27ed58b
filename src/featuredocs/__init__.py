"""featuredocs: Django feature documentation that cannot drift from the code."""

__version__ = "0.1.0"
