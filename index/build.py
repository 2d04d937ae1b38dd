"""Build or refresh the search index: ``python -m index.build [--rebuild]`` (= ``advisor index``)."""

from __future__ import annotations

import sys

from advisor.cli import main

if __name__ == "__main__":
    sys.exit(main(["index", *sys.argv[1:]]))
