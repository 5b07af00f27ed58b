"""Tests of the configuration rules (FD601-FD606) and their page claims."""
