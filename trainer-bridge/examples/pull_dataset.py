#!/usr/bin/env python3
"""Pull a dataset version from the feedback platform's trainer bridge, page by page, resumably.

Standard library only. Each page (GET /v1/datasets/{id}/pairs?limit=N&cursor=...) is checked against its
X-Page-Sha256 and X-Page-Rows headers, every row against TRL's dataset formats, then appended to --out; the
state file (cursor, rows, bytes of --out) is replaced atomically after each page. Killed at any point, the next
run truncates --out to the last completed page and continues from the saved cursor: no duplicates, no gaps.
At the end the whole file is compared with GET /v1/datasets/{id}/checksum.

Row checks (exit status 1 on the first violation):
  * preference (trl, trl-conversational, openrlhf with default keys): exactly prompt/chosen/rejected, all
    strings, or conversational: prompt a list of {role, content}, chosen/rejected lists of assistant turns;
  * unpaired (kto): exactly prompt/completion/label, label a bool, prompt/completion strings or message lists.
With --meta the metadata keys pair_id/label_id/strength/_cursor are allowed too.

    python3 pull_dataset.py --url http://localhost:8080 --key "$KEY" --dataset ds_0123abcd \
        --format trl-conversational --split train --out train.jsonl --state train.state.json

Exit status: 0 complete and verified; 1 a row or checksum violation; 2 usage/HTTP error; 3 stopped by
--max-pages before the end (resume by running again).
"""
import argparse
import gzip
import hashlib
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

PREFERENCE_KEYS = {"prompt", "chosen", "rejected"}
UNPAIRED_KEYS = {"prompt", "completion", "label"}
META_KEYS = {"pair_id", "label_id", "strength", "_cursor"}
ROLES = {"system", "user", "assistant"}


class Violation(Exception):
    pass


def check_messages(value, name, assistant_only=False):
    if not isinstance(value, list) or not value:
        raise Violation(f"{name} must be a non-empty list of messages")
    for message in value:
        if not isinstance(message, dict) or set(message) != {"role", "content"}:
            raise Violation(f"{name}: every message must be exactly {{role, content}}, got {message!r}")
        if not isinstance(message["role"], str) or not isinstance(message["content"], str):
            raise Violation(f"{name}: role and content must be strings")
        if message["role"] not in ROLES:
            raise Violation(f"{name}: unknown role {message['role']!r}")
        if assistant_only and message["role"] != "assistant":
            raise Violation(f"{name}: completions must be assistant turns, got {message['role']!r}")


def check_row(row, meta):
    """Checks one row against TRL's preference or unpaired (KTO) format; raises Violation."""
    if not isinstance(row, dict):
        raise Violation("a row must be a JSON object")
    keys = set(row) - (META_KEYS if meta else set())
    if keys == PREFERENCE_KEYS:
        conversational = isinstance(row["prompt"], list)
        for name in ("prompt", "chosen", "rejected"):
            if conversational:
                check_messages(row[name], name, assistant_only=name != "prompt")
            elif not isinstance(row[name], str):
                raise Violation(f"{name} must be a string (standard format) like prompt")
    elif keys == UNPAIRED_KEYS:
        if not isinstance(row["label"], bool):
            raise Violation("label must be a boolean")
        if isinstance(row["prompt"], list):
            check_messages(row["prompt"], "prompt")
            check_messages(row["completion"], "completion", assistant_only=True)
        elif not isinstance(row["prompt"], str) or not isinstance(row["completion"], str):
            raise Violation("prompt and completion must both be strings (or both message lists)")
    else:
        raise Violation(f"keys {sorted(row)} are neither TRL preference {sorted(PREFERENCE_KEYS)} "
                        f"nor unpaired {sorted(UNPAIRED_KEYS)}")


def request(url, key):
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + key, "Accept-Encoding": "gzip"})
    with urllib.request.urlopen(req, timeout=300) as response:
        body = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return response.headers, body


def load_state(path):
    if path and os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    return {"cursor": None, "rows": 0, "bytes": 0, "pages": 0}


def save_state(path, state):
    temporary = path + ".tmp"
    with open(temporary, "w") as f:
        json.dump(state, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--key", default=os.environ.get("FEEDBACK_KEY"), help="trainer key (or $FEEDBACK_KEY)")
    parser.add_argument("--dataset", required=True)
    parser.add_argument("--format", default="trl")
    parser.add_argument("--split")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="further query parameters, e.g. minStrength=0.5 or kto-source=both")
    parser.add_argument("--meta", action="store_true", help="ask for pair_id/strength/_cursor in every row")
    parser.add_argument("--page-size", type=int, default=10000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--state", help="state file (default: OUT.state.json)")
    parser.add_argument("--max-pages", type=int, default=0, help="stop after this many pages (testing resume)")
    args = parser.parse_args()
    if not args.key:
        parser.error("--key or $FEEDBACK_KEY is required")
    state_path = args.state or args.out + ".state.json"

    params = [("format", args.format)]
    if args.split:
        params.append(("split", args.split))
    if args.meta:
        params.append(("meta", "true"))
    for item in args.param:
        name, _, value = item.partition("=")
        params.append((name, value))
    base = f"{args.url.rstrip('/')}/v1/datasets/{urllib.parse.quote(args.dataset)}"

    state = load_state(state_path)
    # drop anything written after the last completed page (a run killed mid-write)
    with open(args.out, "ab") as out:
        if out.tell() < state["bytes"]:
            print(f"{args.out} is shorter than {state_path} says; delete both to start over", file=sys.stderr)
            return 2
        out.truncate(state["bytes"])
    pages = 0
    try:
        with open(args.out, "ab") as out:
            while True:
                if args.max_pages and pages >= args.max_pages:
                    print(f"stopped after {pages} pages at {state['rows']} rows; run again to resume")
                    return 3
                query = params + [("limit", str(args.page_size))]
                if state["cursor"]:
                    query.append(("cursor", state["cursor"]))
                headers, body = request(base + "/pairs?" + urllib.parse.urlencode(query), args.key)
                digest = hashlib.sha256(body).hexdigest()
                if digest != headers["X-Page-Sha256"]:
                    raise Violation(f"page {state['pages'] + 1}: sha256 {digest} != X-Page-Sha256 "
                                    f"{headers['X-Page-Sha256']}")
                lines = body.decode("utf-8").splitlines()
                if len(lines) != int(headers["X-Page-Rows"]):
                    raise Violation(f"page has {len(lines)} rows, X-Page-Rows says {headers['X-Page-Rows']}")
                for number, line in enumerate(lines, start=state["rows"] + 1):
                    try:
                        check_row(json.loads(line), args.meta)
                    except (Violation, ValueError) as e:
                        raise Violation(f"row {number}: {e}")
                out.write(body)
                out.flush()
                os.fsync(out.fileno())
                state = {"cursor": headers.get("X-Next-Cursor", state["cursor"]),
                         "rows": state["rows"] + len(lines), "bytes": state["bytes"] + len(body),
                         "pages": state["pages"] + 1}
                save_state(state_path, state)
                pages += 1
                if headers["X-More"] != "true":
                    break
        checksum_query = urllib.parse.urlencode(params)
        _, body = request(base + "/checksum?" + checksum_query, args.key)
        expected = json.loads(body)
        sha = hashlib.sha256()
        with open(args.out, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                sha.update(block)
        if sha.hexdigest() != expected["sha256"] or state["rows"] != expected["rows"]:
            raise Violation(f"file sha256 {sha.hexdigest()} / {state['rows']} rows != checksum endpoint "
                            f"{expected['sha256']} / {expected['rows']} rows")
        print(f"ok: {state['rows']} rows in {state['pages']} pages, sha256 {expected['sha256']}")
        return 0
    except Violation as e:
        print(f"violation: {e}", file=sys.stderr)
        return 1
    except urllib.error.HTTPError as e:
        print(f"HTTP {e.code}: {e.read().decode('utf-8', 'replace')}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
