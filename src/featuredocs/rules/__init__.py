"""The rule catalogue: one module per rule, grouped by code family (FD1…FD8).

Importing :mod:`featuredocs.rules.registry` and calling :func:`all_rules` loads every
rule module found under this package; nothing needs to be listed by hand.
"""
