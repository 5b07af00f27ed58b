"""FD8 code references (FD801, FD802, FD805, FD806): Python examples and dotted paths.

``source`` also serves the configuration and cache families: it locates code block lines
on the page and prepares python blocks for ``ast``.
"""
