"""Runs the national roll-up in DuckDB (the `duckdb` Python package) and
prints each named query of national.sql as JSON: {name: [row, ...]}.

    python3 run.py [FOLDER]

FOLDER (default: the current folder) holds exports/<committee>/*.jsonl, as
load.duckdb.sql says. tests/national_rollup.rs runs this and compares the
totals with `danvan rollup --format json`.
"""

import json
import os
import sys

import duckdb

HERE = os.path.dirname(os.path.abspath(__file__))


def queries(text):
    """The `-- name:` queries of a file, in order: [(name, sql)]."""
    out, name, lines = [], None, []
    for line in text.splitlines():
        if line.startswith("-- name:"):
            if name:
                out.append((name, "\n".join(lines)))
            name, lines = line.split(":", 1)[1].strip(), []
        elif name and not line.startswith("--"):
            lines.append(line)
    if name:
        out.append((name, "\n".join(lines)))
    return [(n, q.strip().rstrip(";")) for n, q in out]


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "."
    os.chdir(folder)
    db = duckdb.connect()
    with open(os.path.join(HERE, "load.duckdb.sql"), encoding="utf-8") as f:
        db.execute(f.read())
    with open(os.path.join(HERE, "national.sql"), encoding="utf-8") as f:
        named = queries(f.read())
    result = {}
    for name, sql in named:
        cursor = db.execute(sql)
        columns = [d[0] for d in cursor.description]
        result[name] = [dict(zip(columns, row)) for row in cursor.fetchall()]
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
