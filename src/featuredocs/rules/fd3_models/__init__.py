"""FD3: the models, fields and indexes a page documents, checked against the project.

``claims`` reads what a page says exists (model headings, Fields and Indexes lists,
``class X(models.Model)`` blocks); ``resolve`` ties those claims to ``ModelFact``s; one
module per rule reports the disagreements.
"""
