"""Executes a notebook top to bottom, headless, as CI does, and saves the executed copy.

    /usr/bin/python3 tests/examples/run_notebook.py NOTEBOOK EXECUTED_COPY

Exits 1 with one line naming the failing cell on any cell error.
"""
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

source, executed = sys.argv[1], sys.argv[2]
notebook = nbformat.read(source, as_version=4)
client = NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": "."}})
try:
    client.execute()
except CellExecutionError as error:
    nbformat.write(notebook, executed)
    index = next((i for i, c in enumerate(notebook.cells) if any(o.get("output_type") == "error" for o in c.get("outputs", []))), "?")
    print(f"cell {index} failed: {error.ename}: {error.evalue}", file=sys.stderr)
    sys.exit(1)
nbformat.write(notebook, executed)
