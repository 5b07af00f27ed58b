"""The fields of an open container while the page's events are read (see :mod:`.events`).

A container is a list, not an object: a page opens hundreds of them.

``kind`` is pyromark's tag; ``value`` its payload (a heading's attributes, a fenced
block's info string, a list's first number…). ``plain``, ``codes`` and ``links`` count
the page's plain text pieces, code spans and links before it opened; ``plain_end`` the
pieces up to where it closed. ``first`` is its first child: an open container, or a leaf
as ``(kind, start, end)``; ``last`` is where its last child ends. ``parts`` gathers what
it is built from (a list's items, a table's rows, a row's cells, a code block's texts, an
item's nested items, a top-level paragraph's finished lines). ``wanted`` says whether its
items or rows are read (lists and tables at the top level, and what is inside their
items), and ``own`` holds what an item had before its first nested list.
"""

KIND, START, END, VALUE, PLAIN, CODES, LINKS, FIRST, LAST, PARTS, WANTED, OWN, PLAIN_END = range(13)
