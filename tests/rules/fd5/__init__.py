"""Tests of the API endpoint rules (FD501-FD505) and their page claims."""
