#!/usr/bin/env python3
"""Prepares one registry for the peer comparison (Benchmarks/Peers/run): its regexes, a regex-only copy, UIMs.

  export.py patterns REGISTRY-DIR OUT.tsv        one pattern a line: id TAB regex (as written, PCRE2)
  export.py regex-only REGISTRY-DIR OUT-DIR      the registry without check, valid_from, valid_until and examples,
                                                 so the router decides what the peers decide: which regexes match
  export.py uims REGISTRY-DIR OUT.txt N [SEED]   N UIMs drawn from the regexes: 80 % matching a random pattern,
                                                 10 % near misses (one character changed, added or dropped),
                                                 10 % noise; seeded, so the same arguments give the same file
  export.py clean-uims IN.txt OUT.txt            the first tab-separated field of every line (as `bench` reads it)
  export.py compare ROUTER.jsonl DUMP REJECTED     disagreements between the router's matches (`classify
                                                 --format jsonl`) and a peer's dump (peers' DUMP-PREFIX.<engine>);
                                                 the patterns the peer rejected (file REJECTED, one id a line) are
                                                 left out of the router's sets

The registry is read as the router reads it: every <PARTY>.yaml of the folder, files starting with `.` or `_`
ignored. Ids and regexes are read as strings (YAML's base loader), as written.
"""
import json
import os
import random
import re
import sys

import yaml

try:
    import re._parser as sre_parse  # Python 3.11+
    import re._constants as sre_constants
except ImportError:  # pragma: no cover
    import sre_parse
    import sre_constants


def party_files(folder):
    for name in sorted(os.listdir(folder)):
        if name.startswith((".", "_")) or not name.endswith(".yaml"):
            continue
        yield os.path.join(folder, name)


def load(path):
    with open(path, encoding="utf-8-sig") as handle:
        return yaml.load(handle, Loader=yaml.BaseLoader)


def patterns(folder):
    for path in party_files(folder):
        for pattern in load(path).get("patterns", []):
            yield pattern["id"], pattern["regex"]


def write_patterns(folder, out):
    with open(out, "w", encoding="utf-8") as handle:
        for pattern_id, regex in patterns(folder):
            if "\n" in regex or "\t" in regex:
                print(f"export.py: pattern {pattern_id}: regex holds a newline or tab; left out", file=sys.stderr)
                continue
            handle.write(f"{pattern_id}\t{regex}\n")


def write_regex_only(folder, out):
    os.makedirs(out, exist_ok=True)
    for path in party_files(folder):
        document = load(path)  # strings (`code: NO` stays NO), then the two typed keys typed again
        if "format" in document:
            document["format"] = int(document["format"])
        party = document.get("party", {})
        if party.get("protocol_party") in ("true", "false"):
            party["protocol_party"] = party["protocol_party"] == "true"
        for pattern in document.get("patterns", []):
            for key in ("check", "valid_from", "valid_until", "examples"):
                pattern.pop(key, None)
        with open(os.path.join(out, os.path.basename(path)), "w", encoding="utf-8") as handle:
            yaml.safe_dump(document, handle, allow_unicode=True, sort_keys=False, width=100000)


# Sampling text from a regex: Python's own regex parser over the PCRE2 text (named groups respelt), enough for the
# registries' shapes (literals, classes, repeats, groups, alternation); lookarounds are skipped and every drawn
# string is kept only when Python's re matches it whole.
PRINTABLE = [chr(c) for c in range(0x21, 0x7F)] + ["\x1d"]
REPEAT_SLACK = 8


def in_class(items, char):
    code = ord(char)
    negate = False
    hit = False
    for op, value in items:
        if op == sre_constants.NEGATE:
            negate = True
        elif op == sre_constants.LITERAL:
            hit |= code == value
        elif op == sre_constants.RANGE:
            hit |= value[0] <= code <= value[1]
        elif op == sre_constants.CATEGORY:
            name = str(value)
            if "DIGIT" in name:
                member = char.isdigit()
            elif "WORD" in name:
                member = char.isalnum() or char == "_"
            elif "SPACE" in name:
                member = char.isspace()
            else:
                member = False
            hit |= (not member) if "NOT" in name else member
    return hit != negate


def draw(tree, rng, out):
    for op, value in tree:
        if op == sre_constants.LITERAL:
            out.append(chr(value))
        elif op == sre_constants.NOT_LITERAL:
            out.append(rng.choice([c for c in PRINTABLE if ord(c) != value]))
        elif op == sre_constants.ANY:
            out.append(rng.choice(PRINTABLE))
        elif op == sre_constants.IN:
            choices = [c for c in PRINTABLE if in_class(value, c)]
            if not choices:
                raise ValueError("empty class")
            out.append(rng.choice(choices))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None)):
            low, high, sub = value
            if high == sre_constants.MAXREPEAT:
                high = low + REPEAT_SLACK
            for _ in range(rng.randint(low, high)):
                draw(sub, rng, out)
        elif op == sre_constants.SUBPATTERN:
            draw(value[-1], rng, out)
        elif op == getattr(sre_constants, "ATOMIC_GROUP", None):
            draw(value, rng, out)
        elif op == sre_constants.BRANCH:
            draw(rng.choice(value[1]), rng, out)
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT):
            continue
        else:
            raise ValueError(f"cannot sample {op}")


def python_regex(regex):
    return re.sub(r"\(\?<(?![=!])", "(?P<", regex)


def write_uims(folder, out, count, seed):
    rng = random.Random(seed)
    compiled = []
    for pattern_id, regex in patterns(folder):
        try:
            text = python_regex(regex)
            compiled.append((sre_parse.parse(text), re.compile(text)))
        except (re.error, ValueError, OverflowError):
            continue  # a PCRE2 construct Python's parser does not know: not sampled
    if not compiled:
        sys.exit("export.py: no pattern could be sampled")
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-./"
    lines = []
    while len(lines) < count:
        roll = rng.random()
        if roll < 0.9:
            tree, regex = rng.choice(compiled)
            uim = None
            for _ in range(5):
                chars = []
                try:
                    draw(tree, rng, chars)
                except ValueError:
                    break
                text = "".join(chars)
                if regex.fullmatch(text) and text.strip() == text and "\n" not in text:
                    uim = text
                    break
            if uim is None:
                continue
            if roll >= 0.8 and uim:
                where = rng.randrange(len(uim))
                change = rng.choice(("replace", "insert", "drop"))
                if change == "replace":
                    uim = uim[:where] + rng.choice(alphabet) + uim[where + 1:]
                elif change == "insert":
                    uim = uim[:where] + rng.choice(alphabet) + uim[where:]
                else:
                    uim = uim[:where] + uim[where + 1:]
            if not uim.strip():
                continue
            lines.append(uim)
        else:
            lines.append("".join(rng.choice(alphabet) for _ in range(rng.randint(5, 40))))
    with open(out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n")


def clean_uims(source, out):
    with open(source, "rb") as handle, open(out, "wb") as target:
        data = handle.read()
        lines = data.split(b"\n")
        if data.endswith(b"\n"):
            lines.pop()
        for line in lines:
            target.write(line.split(b"\t", 1)[0] + b"\n")


def compare(router_jsonl, dump, rejected_file):
    with open(rejected_file, encoding="utf-8") as handle:
        rejected = set(filter(None, handle.read().split("\n")))
    router = {}
    with open(router_jsonl, encoding="utf-8") as handle:
        for record in map(json.loads, handle):
            ids = {match["pattern"] for match in record.get("matches", [])} - rejected
            if ids:
                router[int(record["line"])] = ids
    peer = {}
    with open(dump, encoding="utf-8") as handle:
        for row in handle:
            line, ids = row.rstrip("\n").split("\t")
            peer[int(line)] = set(ids.split(",")) - rejected
    lines = sorted(set(router) | set(peer))
    disagreements = [line for line in lines if router.get(line, set()) != peer.get(line, set())]
    print(f"disagreements={len(disagreements)} router_matched={len(router)} peer_matched={len(peer)}")
    for line in disagreements[:5]:
        print(f"# line {line}: router {sorted(router.get(line, []))} peer {sorted(peer.get(line, []))}")


def main(argv):
    command = argv[1] if len(argv) > 1 else ""
    if command == "patterns" and len(argv) == 4:
        write_patterns(argv[2], argv[3])
    elif command == "regex-only" and len(argv) == 4:
        write_regex_only(argv[2], argv[3])
    elif command == "uims" and len(argv) in (5, 6):
        write_uims(argv[2], argv[3], int(argv[4]), int(argv[5]) if len(argv) == 6 else 2026)
    elif command == "clean-uims" and len(argv) == 4:
        clean_uims(argv[2], argv[3])
    elif command == "compare" and len(argv) == 5:
        compare(argv[2], argv[3], argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
