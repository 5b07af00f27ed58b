"""FD5: API endpoints a page documents, checked against the project's URL patterns.

``claims`` reads what a page says (``### GET /api/v1/orders/`` headings, ``http`` request
lines, ``GET /path`` in inline code and tables, query-parameter lists, JSON response
bodies); ``paths`` parses and normalises URL paths; ``resolve`` matches a documented path
to the project's endpoints (parameters as wildcards, a left-out mount prefix, a missing
trailing slash); ``json_shape`` reads a documented body leniently and ``response_shape``
compares it with what the endpoint produces.
"""
