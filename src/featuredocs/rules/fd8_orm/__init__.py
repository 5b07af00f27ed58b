"""FD803/FD804: ORM calls and model attributes in a page's Python examples.

``inference`` works out what the names in the examples stand for, ``paths`` walks
``field__relation__lookup`` paths across the models, ``references`` runs both over a
page once for the two rules.
"""
