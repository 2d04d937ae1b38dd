"""The rule book: every provision of the corpus as data (``corpus/rules/``), and its abbreviations.

``models`` holds the shapes, ``load`` reads and validates the files against the corpus,
``abbreviations`` builds the table of the documents' own "Full Name (ABBR)" definitions.
"""
