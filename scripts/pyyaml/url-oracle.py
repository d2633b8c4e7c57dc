"""The hub's URL checks as an oracle: for each JSON line {"id", "text"}, whether urllib's Request
accepts the text (check.py's _validate_repo_link) and whether download.py's get_repo_info_from_url
does. argv[1]: the folder holding the hub validator's mindspore_hub package."""
import json
import sys
from urllib.request import Request

sys.path.insert(0, sys.argv[1])
from mindspore_hub._utils.download import get_repo_info_from_url  # noqa: E402

for raw in sys.stdin:
    request = json.loads(raw)
    text = request["text"]
    try:
        Request(text.strip('<>'), headers={'User-Agent': 'ms.hub'})
        accepted = True
    except ValueError:
        accepted = False
    try:
        get_repo_info_from_url(text)
        info = None
    except Exception as error:  # noqa: BLE001
        info = str(error)
    sys.stdout.write(json.dumps({"id": request["id"], "request": accepted, "info": info}) + "\n")
