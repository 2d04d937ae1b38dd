"""Career roadmaps from the three documents: structured data, a planner, a parser and a diagram.

Data: ``extract`` (with ``extract_opm``, ``sourcing`` and the named sentences in ``rules``)
builds ``advisor/data/career.json`` from ``corpus/``; ``schema`` loads it. Planning:
``planner.plan`` validates a request (``context``) and orders cited steps (``steps_path``,
``steps_grades``, ``steps_training``). Presentation: ``parse`` reads a chat question,
``render`` writes Markdown and citations, ``diagram`` draws the SVG, ``command`` is the CLI.
Importing this package does no I/O.
"""
