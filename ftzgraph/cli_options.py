"""Options shared by the commands of cli.py, analyse/cli.py and serve/cli.py."""

from __future__ import annotations

from typing import Annotated

import typer

StoreOption = Annotated[
    str,
    typer.Option(
        "--store",
        help="Store folder (default: $FTZGRAPH_STORE or ./ftzgraph-store).",
        show_default=False,
    ),
]
