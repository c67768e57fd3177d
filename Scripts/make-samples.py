#!/usr/bin/env python3
"""Writes Samples/seized-uims.txt, the README's quick-start input, from the bundled Patterns/*.yaml.

About 3,000 scanned UIMs, one a line: mostly valid UIMs generated from every pattern (check characters
fixed up with the pattern's algorithm), mixed with near misses, noise, AIM symbology identifiers,
trailing white space, GS-separated GS1 codes and a few genuinely ambiguous codes (Russian and Uzbek
29-character pack codes). Seeded: re-running it writes the identical file.

Needs Python 3.9+, PyYAML and the `regex` module (to classify what it generates).
Usage: Scripts/make-samples.py [--patterns DIR] [--output FILE]
"""
import argparse
import os
import random
import sys
from collections import Counter

import regex
import yaml

SEED = 20260318
VALID_TOTAL = 2400      # lines of valid, unambiguous UIMs spread over the patterns
NEAR_MISS_TOTAL = 480   # near misses (one character changed or dropped, bad check, lower-cased issuer)
AMBIGUOUS_TOTAL = 40    # codes that fit the patterns of two or more Parties
PARTY_WEIGHT = {"EU": 3.0, "GB": 1.5, "RU": 1.5}  # seizures are not spread evenly; default 1.0
# GS1 company prefixes that make generated GTINs look like the brands seized in each Party. Cosmetic only:
# a GTIN prefix says which GS1 office licensed the brand owner, never which Party issued the UIM.
GTIN_PREFIXES = {
    "RU": ["0460", "0461", "0462", "0463", "0464", "0465", "0466", "0467", "0468", "0469"],
    "UZ": ["0478"], "AE": ["0629", "0629", "0400", "0590"],
    "EU": ["0400", "0401", "0402", "0590", "0730", "0640", "0800", "0300", "0376", "0841", "0870", "0952"],
}

# ---------------------------------------------------------------- check characters

DIGITS = "0123456789"
D36 = DIGITS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
A26 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

VERHOEFF_D = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
              [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
              [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
              [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
VERHOEFF_P = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
              [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
              [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]
DAMM = [[0, 3, 1, 7, 5, 9, 8, 6, 4, 2], [7, 0, 9, 2, 1, 5, 4, 8, 6, 3], [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
        [1, 7, 5, 0, 9, 8, 3, 4, 2, 6], [6, 1, 2, 3, 0, 4, 5, 9, 7, 8], [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
        [5, 8, 6, 9, 7, 2, 0, 1, 3, 4], [8, 9, 4, 5, 3, 6, 2, 0, 1, 7], [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
        [2, 5, 8, 1, 4, 3, 6, 7, 9, 0]]


def _gs1(payload):
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(payload)))
    return str((10 - total % 10) % 10)


def _luhn(payload):
    total = 0
    for i, d in enumerate(reversed(payload)):
        v = int(d) * (2 if i % 2 == 0 else 1)
        total += v - 9 if v > 9 else v
    return str((10 - total % 10) % 10)


def _verhoeff(payload):
    c = 0
    for i, d in enumerate(reversed(payload)):
        c = VERHOEFF_D[c][VERHOEFF_P[(i + 1) % 8][int(d)]]
    return str(VERHOEFF_INV[c])


def _damm(payload):
    c = 0
    for d in payload:
        c = DAMM[c][int(d)]
    return str(c)


def _pure(modulus, radix, alphabet, width, check_alphabet):
    """ISO/IEC 7064 pure system: (payload * radix^width + check) mod modulus == 1."""
    def calc(payload):
        p = 0
        for ch in payload:
            p = (p * radix + alphabet.index(ch)) % modulus
        c = (1 - p * radix ** width) % modulus
        if width == 1:  # MOD 11-2 and 37-2: one character for the values 0..10 or 0..36 (X, *)
            return check_alphabet[c]
        out = ""
        for _ in range(width):
            out = check_alphabet[c % radix] + out
            c //= radix
        return out
    return calc


def _hybrid(modulus, alphabet):
    """ISO/IEC 7064 hybrid system MOD m+1,m."""
    def calc(payload):
        p = modulus
        for ch in payload:
            s = (p + alphabet.index(ch)) % modulus or modulus
            p = (s * 2) % (modulus + 1)
        return alphabet[(1 - p) % modulus]
    return calc


CHECKS = {
    "gs1-mod10": _gs1,
    "luhn": _luhn,
    "iso7064-mod11-2": _pure(11, 2, DIGITS, 1, DIGITS + "X"),
    "iso7064-mod11-10": _hybrid(10, DIGITS),
    "iso7064-mod37-2": _pure(37, 2, D36, 1, D36 + "*"),
    "iso7064-mod37-36": _hybrid(36, D36),
    "iso7064-mod97-10": _pure(97, 10, DIGITS, 2, DIGITS),
    "iso7064-mod1271-36": _pure(1271, 36, D36, 2, D36),
    "iso7064-mod661-26": _pure(661, 26, A26, 2, A26),
    "iso7064-mod27-26": _hybrid(26, A26),
    "verhoeff": _verhoeff,
    "damm": _damm,
}

# Published vectors (shared/domain-notes.md): the script refuses to run when one fails.
VECTORS = [("gs1-mod10", "0952123454321", "3"), ("luhn", "7992739871", "3"), ("iso7064-mod11-2", "079", "X"),
           ("iso7064-mod11-10", "0794", "5"), ("iso7064-mod37-2", "G123489654321", "Y"),
           ("iso7064-mod37-36", "A12425GABC1234002", "M"), ("iso7064-mod97-10", "794", "44"),
           ("iso7064-mod1271-36", "ISO79", "3W"), ("verhoeff", "1234", "0"), ("damm", "572", "4")]


def check_ok(algorithm, payload, digits):
    try:
        return CHECKS[algorithm](payload) == digits
    except (ValueError, IndexError):
        return False

# ---------------------------------------------------------------- the regex subset, as a generator

PRINTABLE = [chr(c) for c in range(0x21, 0x7F)]


class Unsupported(Exception):
    pass


class Parser:
    """Parses the plain PCRE2 subset the bundled patterns use: literals, escapes (\\xHH, \\d, escaped
    punctuation), classes with ranges, (?<name>...), (?:...), alternation, ?, *, +, {n}, {n,m}."""

    def __init__(self, text):
        self.s, self.i = text, 0

    def parse(self):
        node = self.alt()
        if self.i != len(self.s):
            raise Unsupported(f"unexpected {self.s[self.i]!r} at {self.i}")
        return node

    def peek(self):
        return self.s[self.i] if self.i < len(self.s) else None

    def alt(self):
        branches = [self.seq()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.seq())
        return ("alt", branches) if len(branches) > 1 else branches[0]

    def seq(self):
        items = []
        while self.peek() not in (None, "|", ")"):
            items.append(self.quantified(self.atom()))
        return ("seq", items)

    def atom(self):
        ch = self.peek()
        if ch == "(":
            self.i += 1
            name = None
            if self.s.startswith("?:", self.i):
                self.i += 2
            elif self.s.startswith("?<", self.i) and self.s[self.i + 2:self.i + 3] not in ("=", "!"):
                end = self.s.index(">", self.i)
                name, self.i = self.s[self.i + 2:end], end + 1
            elif self.peek() == "?":
                raise Unsupported("group kind outside the subset at %d" % self.i)
            body = self.alt()
            if self.peek() != ")":
                raise Unsupported("missing )")
            self.i += 1
            return ("group", name, body)
        if ch == "[":
            return ("set", self.charclass())
        if ch == "\\":
            return ("set", self.escape())
        if ch in ".^$":
            raise Unsupported(f"{ch!r} outside the subset")
        self.i += 1
        return ("set", [ch])

    def escape(self):
        self.i += 1
        ch = self.s[self.i]
        self.i += 1
        if ch == "x":
            code = int(self.s[self.i:self.i + 2], 16)
            self.i += 2
            return [chr(code)]
        if ch == "d":
            return list(DIGITS)
        if ch.isalnum():
            raise Unsupported(f"escape \\{ch}")
        return [ch]

    def charclass(self):
        self.i += 1
        negate = self.peek() == "^"
        if negate:
            self.i += 1
        chars, first = [], True
        while first or self.peek() != "]":
            first = False
            if self.peek() == "\\":
                lo = self.escape()
            else:
                lo = [self.s[self.i]]
                self.i += 1
            if self.peek() == "-" and self.s[self.i + 1] != "]" and len(lo) == 1:
                self.i += 1
                if self.peek() == "\\":
                    hi = self.escape()[0]
                else:
                    hi = self.s[self.i]
                    self.i += 1
                chars.extend(chr(c) for c in range(ord(lo[0]), ord(hi) + 1))
            else:
                chars.extend(lo)
        self.i += 1
        if negate:
            chars = [c for c in PRINTABLE if c not in chars]
        return sorted(set(chars), key=chars.index)

    def quantified(self, node):
        ch = self.peek()
        if ch == "?":
            self.i += 1
            return ("rep", node, 0, 1)
        if ch in ("*", "+"):
            self.i += 1
            return ("rep", node, 0 if ch == "*" else 1, 8)
        if ch == "{":
            end = self.s.index("}", self.i)
            body = self.s[self.i + 1:end]
            self.i = end + 1
            lo, comma, hi = body.partition(",")
            upper = int(hi) if hi else (int(lo) + 8 if comma else int(lo))
            return ("rep", node, int(lo), upper)
        return node


def generate(node, rng, out, spans):
    kind = node[0]
    if kind == "set":
        out.append(rng.choice(node[1]))
    elif kind == "seq":
        for item in node[1]:
            generate(item, rng, out, spans)
    elif kind == "alt":
        generate(rng.choice(node[1]), rng, out, spans)
    elif kind == "group":
        start = len("".join(out))
        generate(node[2], rng, out, spans)
        if node[1]:
            spans[node[1]] = (start, len("".join(out)))
    elif kind == "rep":
        _, child, lo, hi = node
        # optional parts (the EU time stamp printed outside the carrier) are present 3 times in 4
        count = (1 if rng.random() < 0.75 else 0) if (lo, hi) == (0, 1) else rng.randint(lo, hi)
        for _ in range(count):
            generate(child, rng, out, spans)


class Pattern:
    def __init__(self, party, spec):
        self.party = party
        self.id = spec["id"]
        self.source = spec["regex"]
        self.regex = regex.compile(spec["regex"])
        self.tree = Parser(spec["regex"]).parse()
        check = spec.get("check") or {}
        self.algorithm = check.get("algorithm")
        self.payload = check.get("payload", "payload")
        self.digit = check.get("digit", "check")
        self.valid_until = spec.get("valid_until")
        self.examples = (spec.get("examples") or {}).get("match") or []

    def matches(self, text):
        m = self.regex.fullmatch(text)
        if not m:
            return False
        if self.algorithm:
            payload, digits = m.group(self.payload), m.group(self.digit)
            return payload is not None and digits is not None and check_ok(self.algorithm, payload, digits)
        return True

    def regex_only(self, text):
        return self.regex.fullmatch(text) is not None

    def sample(self, rng):
        for _ in range(200):
            out, spans = [], {}
            generate(self.tree, rng, out, spans)
            text = "".join(out)
            if "gtin" in spans and self.party in GTIN_PREFIXES:
                s = spans["gtin"][0]
                prefix = rng.choice(GTIN_PREFIXES[self.party])
                text = text[:s] + prefix + text[s + len(prefix):]
            if "timestamp" in spans and spans["timestamp"][1] - spans["timestamp"][0] == 8:
                # keep time stamps plausible for a seizure file: 2019 (EU TPD tracking began) to 2026
                s, e = spans["timestamp"]
                stamp = "%02d%02d%02d%02d" % (rng.randint(19, 26), rng.randint(1, 12), rng.randint(1, 28),
                                              rng.randint(0, 23))
                text = text[:s] + stamp + text[e:]
            if self.algorithm and self.payload in spans and self.digit in spans:
                (ps, pe), (ds, de) = spans[self.payload], spans[self.digit]
                try:
                    digits = CHECKS[self.algorithm](text[ps:pe])
                except (ValueError, IndexError):
                    continue
                if len(digits) != de - ds:
                    continue
                text = text[:ds] + digits + text[de:]
            if self.matches(text):
                return text
        raise RuntimeError(f"{self.id}: could not generate a matching UIM")


def load_patterns(directory):
    patterns = []
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".yaml") or name.startswith((".", "_")):
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        for spec in doc["patterns"]:
            patterns.append(Pattern(doc["party"]["code"], spec))
    return patterns

# ---------------------------------------------------------------- the sample mix


def parties_of(patterns, text):
    return {p.party for p in patterns if p.matches(text)}


def is_gs1(text):
    return "\x1d" in text or text[:2] in ("00", "01") or text.startswith("235")


def decorate(rng, text, counts):
    """Adds what scanners and hand-edited files add: an AIM symbology identifier, trailing blanks."""
    r = rng.random()
    if r < 0.22:
        aim = rng.choice(["]d2", "]d2", "]Q3", "]C1"]) if is_gs1(text) else rng.choice(["]d1", "]d1", "]Q1"])
        text = aim + text
        counts["with an AIM symbology identifier"] += 1
    r = rng.random()
    if r < 0.05:
        text += rng.choice([" ", "  ", "\t", " \t", "   "])
        counts["with trailing spaces or tabs"] += 1
    elif r < 0.07:
        text = rng.choice([" ", "\t"]) + text
        counts["with leading white space"] += 1
    return text


def mutate(rng, pattern, text):
    """One near miss of a valid UIM, or None when the mutation happens to stay valid."""
    kind = rng.choice(["change", "change", "drop", "check", "lower", "insert"])
    m = pattern.regex.fullmatch(text)
    if kind == "check" and pattern.algorithm:
        s, e = m.span(pattern.digit)
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if pattern.algorithm in ("iso7064-mod661-26", "iso7064-mod27-26") \
            else (DIGITS if text[s:e].isdigit() else D36)
        i = rng.randrange(s, e)
        new = rng.choice([c for c in alphabet if c != text[i]])
        return text[:i] + new + text[i + 1:], "bad check character"
    if kind == "lower" and "issuer" in pattern.regex.groupindex and m.group("issuer"):
        s, e = m.span("issuer")
        low = text[:s] + text[s:e].lower() + text[e:]
        return (low, "lower-cased issuer code") if low != text else (None, None)
    if kind == "drop":
        i = rng.randrange(len(text))
        return text[:i] + text[i + 1:], "one character dropped"
    if kind == "insert":
        i = rng.randrange(len(text) + 1)
        return text[:i] + rng.choice(DIGITS + "ABCXYZ") + text[i:], "one character added"
    i = rng.randrange(len(text))
    ch = text[i]
    pool = DIGITS if ch.isdigit() else ("ABCDEFGHIJKLMNOPQRSTUVWXYZ" if ch.isupper() else
                                        ("abcdefghijklmnopqrstuvwxyz" if ch.islower() else "#@$~"))
    return text[:i] + rng.choice([c for c in pool if c != ch]) + text[i + 1:], "one character changed"


NOISE = [
    "", "", " ", "\t", "   \t ",
    "hello", "N/A", "TEST", "scan error", "NO READ", "ERROR 0x12", "0", "1234567890",
    "https://example.org/uim?code=QCUKT1234", "https://id.gs1.org/01/09521234543213/21/ABC123",
    "http://track.example.com/verify/WAAGSx8Yz1KpQ", "www.example.net/p/12345",
    "(01)09521234543213(21)AB12CD34EF56G", "(235)5vBZIF%!<B;?oa%(01)09521234543213(8008)19052001",
    "Marlboro Gold 20s - carton 7 of 12", "box 14 / seized 2026-03-02 / Tilbury", "pallet label missing",
    "КЕ0000000000000", "ＷＡＡＧＳ０００００", "¿código?", "二维码无法读取",
    "01095212345432132", "]d2", "]Q3   ", "]C1\t",
]


def noise_lines(rng):
    lines = list(NOISE)
    words = ["seal", "pack", "stamp", "lot", "ref", "unknown", "box", "crate", "bundle", "tax", "label"]
    for _ in range(20):
        lines.append(" ".join(rng.choice(words) + str(rng.randint(1, 999)) for _ in range(rng.randint(1, 5))))
    for _ in range(6):
        lines.append("".join(rng.choice("0123456789ABCDEF") for _ in range(rng.randint(5, 40))))
    lines.append("X" * 520)  # deliberately longer than the 512-byte limit
    lines.append("01" + "0" * 14 + "21" + "".join(rng.choice(D36) for _ in range(600)))  # ditto, GS1-ish
    lines.append("ABC\x04DEF")  # a control character other than GS
    return lines


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patterns", default=os.path.join(root, "Patterns"))
    ap.add_argument("--output", default=os.path.join(root, "Samples", "seized-uims.txt"))
    args = ap.parse_args()

    for algorithm, payload, digits in VECTORS:
        if CHECKS[algorithm](payload) != digits:
            sys.exit(f"make-samples: {algorithm} fails its published vector {payload} -> {digits}")
    patterns = load_patterns(args.patterns)
    rng = random.Random(SEED)
    counts = Counter()
    lines = []          # (text, category)

    # 1. valid UIMs that route to exactly one Party, spread over the patterns by Party weight
    weights = [PARTY_WEIGHT.get(p.party, 1.0) for p in patterns]
    quota = [max(20, round(VALID_TOTAL * w / sum(weights))) for w in weights]
    ambiguous_pool = []
    valid_by_pattern = {}
    for p, n in zip(patterns, quota):
        got, tries = [], 0
        for example in p.examples:  # the registry's own examples are good seizures too
            got.append(example)
        while len(got) < n and tries < n * 50:
            tries += 1
            text = p.sample(rng)
            owners = parties_of(patterns, text)
            if owners == {p.party}:
                got.append(text)
            elif len(ambiguous_pool) < 400:
                ambiguous_pool.append(text)
        valid_by_pattern[p.id] = got
        for text in got:
            lines.append((decorate(rng, text, counts), "valid"))
            counts["valid"] += 1
            if p.valid_until is not None:
                counts["valid, from a format no longer issued (expired pattern)"] += 1

    # 2. genuinely ambiguous codes: the published Uzbek example, Uzbek pack codes that fit the Russian
    #    pattern too (no parentheses in the serial, an alphanumeric tail), and GS1 codes with AI 01 first
    #    whose 29 characters happen to fit the Russian/Uzbek pack shape
    by_id = {p.id: p for p in patterns}
    wanted = [("UZ-PACK-29", AMBIGUOUS_TOTAL - 10), ("AE-DTS-SGTIN", 6), ("EU-GS1-UNIT-GTIN-FIRST", 3)]
    found = ["04780101164394TF&csaNNW1kK0tL"] + ambiguous_pool[:1]
    for pattern_id, n in wanted:
        if pattern_id not in by_id:
            continue
        got, tries = 0, 0
        while got < n and tries < 40000:
            tries += 1
            text = by_id[pattern_id].sample(rng)
            if len(parties_of(patterns, text)) > 1:
                found.append(text)
                got += 1
    seen = set()
    for text in found:
        owners = parties_of(patterns, text)
        if text in seen or len(owners) < 2:
            continue
        seen.add(text)
        lines.append((decorate(rng, text, counts), "ambiguous"))
        counts["ambiguous: " + " + ".join(sorted(owners))] += 1

    # 3. near misses of valid codes: each checked to match no pattern at all (regex and check)
    pool = [(p, t) for p in patterns for t in valid_by_pattern[p.id]]
    reasons = Counter()
    while sum(reasons.values()) < NEAR_MISS_TOTAL:
        p, text = rng.choice(pool)
        bad, reason = mutate(rng, p, text)
        if not bad or any(q.matches(bad) for q in patterns) or bad.strip() != bad:
            continue
        if reason == "bad check character" and not p.regex_only(bad):
            continue
        reasons[reason] += 1
        lines.append((decorate(rng, bad, counts), "near miss"))
    for reason, n in sorted(reasons.items()):
        counts[f"near miss: {reason}"] = n

    # 4. GS1 codes whose separators a keyboard-wedge scanner lost. Most then fit nothing; a few fit
    #    another Party's pattern (an Uzbek block code without its GS reads as a UAE SGTIN), which is why
    #    separators matter and why GS aliases are never guessed silently.
    for p in patterns:
        for text in valid_by_pattern[p.id][:6]:
            if "\x1d" in text:
                lost = text.replace("\x1d", "")
                owners = parties_of(patterns, lost)
                lines.append((lost, "near miss"))
                key = "now fits " + "+".join(sorted(owners)) if owners else "fits nothing"
                counts[f"GS separators lost ({key})"] += 1

    # 5. noise
    for text in noise_lines(rng):
        lines.append((text, "noise"))
        counts["noise (text, URLs, blank, too long, control character)"] += 1

    rng.shuffle(lines)
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        for text, _ in lines:
            f.write(text + "\n")

    longest = sorted(len(t.encode()) for t, _ in lines)[-3:]
    print(f"wrote {args.output}: {len(lines)} lines from {len(patterns)} patterns")
    for key, n in sorted(counts.items()):
        print(f"  {n:5d}  {key}")
    print(f"  longest lines (bytes): {longest}")


if __name__ == "__main__":
    main()
