"""The notebooks run top to bottom without errors, and are committed without outputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import EXAMPLES, ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CELL_TIMEOUT = 120  # seconds; a whole notebook takes a few seconds


def test_the_notebooks_are_there() -> None:
    assert [p.name for p in NOTEBOOKS] == ["01-quickstart.ipynb", "02-analysis.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path: Path) -> None:
    book = nbformat.read(path, as_version=4)
    nbformat.validate(book)
    for cell in book.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.id


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_without_errors(path: Path, tmp_path: Path) -> None:
    # A working copy: notebooks/ beside examples/texts/, as in the repository.
    folder = tmp_path / "notebooks"
    folder.mkdir()
    shutil.copytree(EXAMPLES, tmp_path / "examples" / "texts")
    book = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        book,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(folder)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    errors = [
        output
        for cell in book.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert errors == []
    assert any(
        output.output_type == "display_data" and "image/png" in output.data
        for cell in book.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    ), "the notebook should draw a figure"
