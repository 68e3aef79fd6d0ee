#!/usr/bin/env python3
"""Check labelled-units.jsonl: schema, unique ids, and that every citation span
is an exact substring of its unit's text. Prints counts. Exit 1 on any error.
Usage: python3 eval/citations/verify.py [file.jsonl ...]"""
import json, re, sys, os
from collections import Counter
KINDS = {"GENERAL_COMMENT", "DOCUMENT", "COMMUNICATION", "ARTICLE", "CASE"}
SOURCES = {"cladem", "upr-info", "upr-report"}
REF = {
    "GENERAL_COMMENT": re.compile(r"^(CCPR|CESCR|CRC|CAT|CRPD|CMW|CED)/GC/\d+$|^(CEDAW|CERD)/GR/\d+$"),
    "ARTICLE": re.compile(r"^(CCPR|CESCR|CEDAW|CERD|CAT|CRC|CRPD|CMW|CED|BDP|ACHR|ECHR|IC|OP[A-Z]+)-\d+(-[0-9a-z]+)*$"),
    "CASE": re.compile(r"^(IACTHR|ECTHR):.+$"),
    "DOCUMENT": re.compile(r"^[A-Z][A-Za-z0-9./-]*/[A-Za-z0-9./-]+(#\d+)?$"),
    "COMMUNICATION": re.compile(r"^([A-Z]+ \d+/\d+|[A-Z]+/C/[0-9A-Z/.]+/D/\d+/\d{4})$"),
}
files = sys.argv[1:] or [os.path.join(os.path.dirname(os.path.abspath(__file__)), "labelled-units.jsonl")]
errors = 0
for fn in files:
    units = []
    for n, line in enumerate(open(fn, encoding="utf-8"), 1):
        u = json.loads(line); units.append(u)
        def err(msg):
            global errors; errors += 1; print(f"{fn}:{n}: {u.get('id')}: {msg}")
        for k in ("id", "source", "language", "state", "mechanism", "text", "citations"):
            if k not in u: err(f"missing {k}")
        if u["source"] not in SOURCES: err("bad source")
        if u["language"] not in ("es", "en"): err("bad language")
        if not re.fullmatch(r"[A-Z]{3}", u["state"]): err("bad state")
        for c in u["citations"]:
            if c["kind"] not in KINDS: err(f"bad kind {c['kind']}")
            elif not REF[c["kind"]].match(c["reference"]): err(f"reference not canonical-looking: {c['reference']}")
            if c["span"] not in u["text"]: err(f"span not in text: {c['span']!r}")
    ids = Counter(u["id"] for u in units)
    for i, k in ids.items():
        if k > 1: errors += 1; print(f"{fn}: duplicate id {i}")
    cites = [c for u in units for c in u["citations"]]
    print(f"{fn}: {len(units)} units, {sum(1 for u in units if not u['citations'])} without citation, {len(cites)} citations")
    print("  units by source/language:", dict(Counter(f"{u['source']}/{u['language']}" for u in units)))
    print("  citations by kind:", dict(Counter(c["kind"] for c in cites)))
    print("  citations by kind and source:", dict(sorted(Counter(f"{c['kind']}@{u['source']}" for u in units for c in u["citations"]).items())))
print("OK" if not errors else f"{errors} ERROR(S)")
sys.exit(1 if errors else 0)
