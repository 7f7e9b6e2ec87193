"""The peer for the xlsx benchmark: openpyxl in write-only mode (what QualCoder's export uses)
writing the same rows as `marginalia export --xlsx`.

    /usr/bin/python3 tests/bench/openpyxl_peer.py ROWS.jsonl OUT.xlsx

ROWS.jsonl (made by tests/bench/export-steps.ts from the same sheets the export writes): a line
{"sheet": name, "columns": [...]} starting each sheet, then one JSON array per row, a date as
{"d": [year, month, day, hour, minute, second, millisecond]}. Everything is read and turned
into Python values first; only the writing is timed. Prints one JSON line:
{"writeMs": ..., "cells": ..., "openpyxl": version}.
"""
import datetime
import json
import sys
import time

import openpyxl


def value(v):
    if isinstance(v, dict):
        y, mo, d, h, mi, s, ms = v["d"]
        return datetime.datetime(y, mo, d, h, mi, s, ms * 1000)
    return v


def main():
    rows_file, out = sys.argv[1], sys.argv[2]
    sheets = []
    with open(rows_file, encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            if isinstance(item, dict):
                sheets.append((item["sheet"], item["columns"], []))
            else:
                sheets[-1][2].append([value(v) for v in item])
    cells = sum(len(columns) * (len(rows) + 1) for _, columns, rows in sheets)

    started = time.perf_counter()
    wb = openpyxl.Workbook(write_only=True)
    for name, columns, rows in sheets:
        ws = wb.create_sheet(title=name[:31])
        ws.append(columns)
        for row in rows:
            ws.append(row)
    wb.save(out)
    write_ms = (time.perf_counter() - started) * 1000
    print(json.dumps({"writeMs": round(write_ms), "cells": cells, "openpyxl": openpyxl.__version__}))


main()
