"""Tests of the cache rules (FD701, FD702) and their page claims."""
