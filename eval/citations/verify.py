#!/usr/bin/env python3
"""Check labelled-units.jsonl: schema, unique ids, and that every citation span
is an exact substring of its unit's text. Prints counts. Exit 1 on any error.

Units whose source may not be redistributed (upr-report, upr-info) carry no `text`
but a `textSha1`; their text is read from ../shared/data by row (as eval/citations.ts
does) and checked against the hash. When ../shared/data is absent, their spans are
not checked and the script says so.
Usage: python3 eval/citations/verify.py [file.jsonl ...]"""
import csv, hashlib, json, re, sys, os
from collections import Counter
KINDS = {"GENERAL_COMMENT", "DOCUMENT", "COMMUNICATION", "ARTICLE", "CASE"}
SOURCES = {"cladem", "upr-info", "upr-report"}
# Sources whose texts stay outside the repository: id "{source}:{row}", 1-based data row.
SHARED_DATA = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data"))
EXTERNAL = {
    "upr-report": (os.path.join(SHARED_DATA, "upr-un-reports-terman", "upr_un_reports_recommendations_2008-2014.csv"), "text"),
    "upr-info": (os.path.join(SHARED_DATA, "upr-info-terman", "upr_info_recommendations_sessions_1-20.csv"), "Text"),
}
REF = {
    "GENERAL_COMMENT": re.compile(r"^(CCPR|CESCR|CRC|CAT|CRPD|CMW|CED)/GC/\d+$|^(CEDAW|CERD)/GR/\d+$"),
    "ARTICLE": re.compile(r"^(CCPR|CESCR|CEDAW|CERD|CAT|CRC|CRPD|CMW|CED|BDP|ACHR|ECHR|IC|OP[A-Z]+)-\d+(-[0-9a-z]+)*$"),
    "CASE": re.compile(r"^(IACTHR|ECTHR):.+$"),
    "DOCUMENT": re.compile(r"^[A-Z][A-Za-z0-9./-]*/[A-Za-z0-9./-]+(#\d+)?$"),
    "COMMUNICATION": re.compile(r"^([A-Z]+ \d+/\d+|[A-Z]+/C/[0-9A-Z/.]+/D/\d+/\d{4})$"),
}
_rows = {}
def external_text(source, row):
    """The text of a data row of an external source, or None when the file is absent."""
    path, column = EXTERNAL[source]
    if path not in _rows:
        if not os.path.exists(path):
            _rows[path] = None
        else:
            with open(path, encoding="utf-8-sig", newline="") as f:
                _rows[path] = [r[column] for r in csv.DictReader(f)]
    rows = _rows[path]
    if rows is None:
        return None
    return rows[row - 1] if 0 < row <= len(rows) else ""
files = sys.argv[1:] or [os.path.join(os.path.dirname(os.path.abspath(__file__)), "labelled-units.jsonl")]
errors = 0
unchecked = Counter()
for fn in files:
    units = []
    for n, line in enumerate(open(fn, encoding="utf-8"), 1):
        u = json.loads(line); units.append(u)
        def err(msg):
            global errors; errors += 1; print(f"{fn}:{n}: {u.get('id')}: {msg}")
        for k in ("id", "source", "language", "state", "mechanism", "citations"):
            if k not in u: err(f"missing {k}")
        if u["source"] not in SOURCES: err("bad source")
        if u["language"] not in ("es", "en"): err("bad language")
        if not re.fullmatch(r"[A-Z]{3}", u["state"]): err("bad state")
        text = u.get("text")
        if u["source"] in EXTERNAL:
            if "text" in u: err(f"{u['source']} units must not carry their text (licence): give textSha1")
            if not re.fullmatch(r"[0-9a-f]{40}", u.get("textSha1", "")): err("missing or bad textSha1")
            m = re.fullmatch(rf"{re.escape(u['source'])}:(\d+)", u["id"])
            if not m: err("id is not {source}:{row}")
            else:
                text = external_text(u["source"], int(m.group(1)))
                if text is None: unchecked[u["source"]] += 1
                elif hashlib.sha1(text.encode("utf-8")).hexdigest() != u.get("textSha1"):
                    err(f"text of row {m.group(1)} does not match textSha1"); text = None
        elif not isinstance(text, str): err("missing text")
        for c in u["citations"]:
            if c["kind"] not in KINDS: err(f"bad kind {c['kind']}")
            elif not REF[c["kind"]].match(c["reference"]): err(f"reference not canonical-looking: {c['reference']}")
            if text is not None and c["span"] not in text: err(f"span not in text: {c['span']!r}")
    ids = Counter(u["id"] for u in units)
    for i, k in ids.items():
        if k > 1: errors += 1; print(f"{fn}: duplicate id {i}")
    cites = [c for u in units for c in u["citations"]]
    print(f"{fn}: {len(units)} units, {sum(1 for u in units if not u['citations'])} without citation, {len(cites)} citations")
    print("  units by source/language:", dict(Counter(f"{u['source']}/{u['language']}" for u in units)))
    print("  citations by kind:", dict(Counter(c["kind"] for c in cites)))
    print("  citations by kind and source:", dict(sorted(Counter(f"{c['kind']}@{u['source']}" for u in units for c in u["citations"]).items())))
for source, k in unchecked.items():
    print(f"NOTE: {k} {source} units not span-checked: {EXTERNAL[source][0]} is absent")
print("OK" if not errors else f"{errors} ERROR(S)")
sys.exit(1 if errors else 0)
