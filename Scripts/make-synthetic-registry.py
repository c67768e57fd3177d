#!/usr/bin/env python3
"""Writes a synthetic registry folder of N patterns for timing `uim-router conflicts` and `lint`.

Shapes follow the real schemes: issuer-prefixed stamp codes (most patterns; a few issuer prefixes shared
between Parties on purpose), GS1 element strings, prefix-less numeric codes, EU-style unit UIs with an
optional time stamp, and a few opaque regexes (lookahead). Seeded: the same arguments write the same files.

Usage: Scripts/make-synthetic-registry.py --patterns 10000 --output /tmp/registry-10k
"""
import argparse
import os
import random
import string

ALNUM = "[0-9A-Z]"
CHECKS = ["gs1-mod10", "luhn", "verhoeff", "damm", "iso7064-mod37-36", "iso7064-mod11-2"]
TIMESTAMP = "[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?:[01][0-9]|2[0-3])"


def party_codes(count, rng):
    codes = ["".join(p) for p in __import__("itertools").product(string.ascii_uppercase, repeat=2)]
    rng.shuffle(codes)
    return sorted(codes[:count])


def pattern(rng, party, k, shared_prefixes):
    kind = rng.random()
    check = None
    if kind < 0.80:
        if rng.random() < 0.05 and shared_prefixes:
            issuer = rng.choice(shared_prefixes)
        else:
            issuer = party + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(rng.randint(1, 3)))
        length = rng.randint(8, 24)
        algorithm = rng.choice(CHECKS)
        if algorithm in ("iso7064-mod37-36",):
            regex = f"(?<issuer>{issuer})(?<payload>{ALNUM}{{{length}}})(?<check>{ALNUM})"
        elif algorithm == "iso7064-mod11-2":
            regex = f"(?<issuer>{issuer})(?<payload>[0-9]{{{length}}})(?<check>[0-9X])"
        else:
            regex = f"(?<issuer>{issuer})(?<payload>[0-9]{{{length}}})(?<check>[0-9])"
        check = algorithm
    elif kind < 0.88:
        serial = rng.randint(6, 20)
        regex = ("01(?<gtin>(?<payload>[0-9]{13})(?<check>[0-9]))21"
                 f"(?<serial>[0-9A-Za-z!%&*+,./:;<=>?_-]{{{rng.randint(1, 6)},{serial}}})")
        check = "gs1-mod10"
    elif kind < 0.90:
        regex = f"(?<payload>[0-9]{{{rng.randint(10, 30)}}})(?<check>[0-9])"
        check = rng.choice(["gs1-mod10", "luhn", "damm"])
    elif kind < 0.99:
        issuer = "WA" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(3))
        regex = (f"(?<issuer>{issuer})(?<serial>[0-9a-zA-Z]{{{rng.randint(8, 16)}}})"
                 f"(?<product>[0-9a-zA-Z]{{4}})(?<timestamp>{TIMESTAMP})?")
    else:
        regex = f"(?=[A-Z]{{2}})(?<issuer>{party}{rng.choice(string.ascii_uppercase)})[0-9]{{{rng.randint(8, 20)}}}"
    lines = [f"  - id: {party}-{k:04d}", f"    regex: '{regex}'"]
    if check:
        lines += ["    check:", f"      algorithm: {check}"]
    start = rng.randint(2015, 2026) if rng.random() < 0.3 else None
    if start:
        lines.append(f"    valid_from: {start}-01-01")
    if rng.random() < 0.2:
        lines.append(f"    valid_until: {max(start or 2020, rng.randint(2020, 2035))}-12-31")
    lines.append("    description:")
    lines.append(f"      en: synthetic pattern {k} of {party}")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--patterns", type=int, default=1000)
    parser.add_argument("--parties", type=int, default=0, help="default: patterns / 20, at most 600")
    parser.add_argument("--output", required=True)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    count = args.parties or max(2, min(600, args.patterns // 20))
    parties = party_codes(count, rng)
    shared = ["".join(rng.choice(string.ascii_uppercase) for _ in range(3)) for _ in range(max(2, count // 10))]
    os.makedirs(args.output, exist_ok=True)
    per_party = {p: [] for p in parties}
    for k in range(args.patterns):
        party = parties[k % len(parties)]
        per_party[party].append(pattern(rng, party, k, shared))
    for party, patterns in per_party.items():
        with open(os.path.join(args.output, f"{party}.yaml"), "w") as out:
            out.write(f"format: 1\nparty:\n  code: {party}\n  name: Synthetic {party}\n  protocol_party: true\n")
            out.write("patterns:\n" + "\n".join(patterns) + "\n")


if __name__ == "__main__":
    main()
