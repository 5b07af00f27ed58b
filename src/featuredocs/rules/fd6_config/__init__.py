"""FD6 configuration: environment variables and Django settings named by a page."""
