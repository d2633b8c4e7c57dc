"""mistune 0.8.4 as the hub runs it (vendored beside the hub validator), as an oracle for the parity tests.

argv[1]: the folder holding the vendored mistune.py. Reads JSON lines {"id": n, "text": "..."} on
stdin; writes {"id": n, "headings": [...]} (the text of every heading block mistune yields) or
{"id": n, "error": "..."}.
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
import mistune  # noqa: E402

for raw in sys.stdin:
    request = json.loads(raw)
    try:
        blocks = mistune.Markdown().block(mistune.preprocessing(request["text"]))
        out = {"id": request["id"], "headings": [b["text"] for b in blocks if b["type"] == "heading"]}
    except Exception as error:  # noqa: BLE001
        out = {"id": request["id"], "error": type(error).__name__}
    sys.stdout.write(json.dumps(out) + "\n")
