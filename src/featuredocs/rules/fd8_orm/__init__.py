"""FD803/FD804: ORM calls and model attributes in a page's Python examples.

``bindings`` finds where the examples bind and use each name, ``inference`` works out
what the names stand for at each use, ``paths`` walks
``field__relation__lookup`` paths across the models, ``references`` runs both over a
page once for the two rules.
"""
