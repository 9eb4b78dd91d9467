"""Stage 1: files → :class:`~ftzgraph.records.Document` records."""

from ftzgraph.read.corpus import row_text
from ftzgraph.read.decode import decode
from ftzgraph.read.errors import ReadError, ReadFailure, Skipped
from ftzgraph.read.files import ReadEvent, read_paths, read_text_file
from ftzgraph.read.segments import find_segments

__all__ = [
    "ReadError",
    "ReadEvent",
    "ReadFailure",
    "Skipped",
    "decode",
    "find_segments",
    "read_paths",
    "read_text_file",
    "row_text",
]
