"""PyYAML as the hub runs it (yaml.load with FullLoader), as an oracle for the parity tests.

Reads JSON lines {"id": n, "text": "..."} on stdin; writes one JSON line per document:
{"id": n, "ok": true, "value": <tagged value>} or {"id": n, "ok": false, "error": {...}}.
Tagged values keep what JSON loses: ints as text, floats as text, dates, bytes, tuples.
"""
import datetime
import json
import sys

import yaml


def tagged(value, depth=0):
    if depth > 50:
        return {"t": "deep"}
    if value is None:
        return {"t": "null"}
    if isinstance(value, bool):
        return {"t": "bool", "v": value}
    if isinstance(value, int):
        return {"t": "int", "v": str(value)}
    if isinstance(value, float):
        return {"t": "float", "v": repr(value)}
    if isinstance(value, str):
        return {"t": "str", "v": value}
    if isinstance(value, bytes):
        return {"t": "bytes", "v": value.hex()}
    if isinstance(value, (datetime.date, datetime.datetime)):
        return {"t": "date", "v": str(value)}
    if isinstance(value, tuple):
        return {"t": "tuple", "v": [tagged(item, depth + 1) for item in value]}
    if isinstance(value, list):
        return {"t": "list", "v": [tagged(item, depth + 1) for item in value]}
    if isinstance(value, dict):
        return {"t": "dict", "v": [[tagged(k, depth + 1), tagged(v, depth + 1)] for k, v in value.items()]}
    return {"t": "other", "v": type(value).__name__}


def mark(m):
    return None if m is None else {"line": m.line, "column": m.column}


for raw in sys.stdin:
    request = json.loads(raw)
    try:
        value = yaml.load(request["text"], Loader=yaml.FullLoader)
        try:
            out = {"id": request["id"], "ok": True, "value": tagged(value)}
            json.dumps(out)
        except (RecursionError, ValueError):
            out = {"id": request["id"], "ok": True, "value": {"t": "deep"}}
    except yaml.MarkedYAMLError as error:
        out = {"id": request["id"], "ok": False, "error": {
            "type": type(error).__name__, "context": error.context, "contextMark": mark(error.context_mark),
            "problem": error.problem, "problemMark": mark(error.problem_mark)}}
    except yaml.reader.ReaderError as error:
        out = {"id": request["id"], "ok": False, "error": {"type": "ReaderError", "position": error.position}}
    except Exception as error:  # what PyYAML lets through: ValueError, KeyError, RecursionError, ...
        out = {"id": request["id"], "ok": False, "error": {"type": type(error).__name__}}
    sys.stdout.write(json.dumps(out) + "\n")
    sys.stdout.flush()
