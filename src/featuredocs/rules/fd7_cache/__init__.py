"""FD7 cache: cache key patterns and their lifetimes named by a page."""
