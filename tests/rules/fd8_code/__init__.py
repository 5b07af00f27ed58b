"""Tests of the code-reference rules FD801, FD802 and FD806 and their page claims."""
