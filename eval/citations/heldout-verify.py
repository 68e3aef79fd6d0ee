#!/usr/bin/env python3
"""Check heldout-units.jsonl (the held-out citation set).

verify.py cannot check this file as is: the upr-report units here have "text": null
(licence unclear), with "textSha1" and "row" instead. This script applies the same checks
as verify.py (schema, unique ids, canonical-looking references, spans are substrings of
the text). For null-text units it first reads the text from row `row` of the UN-report
CSV, checks its sha1 against "textSha1", and then checks the spans against that text.
Prints counts. Exit 1 on any error.

Usage: python3 eval/citations/heldout-verify.py [heldout-units.jsonl] [--csv PATH]
"""
import csv, hashlib, json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
args = sys.argv[1:]
csv_path = None
if "--csv" in args:
    i = args.index("--csv"); csv_path = args[i + 1]; del args[i:i + 2]
fn = args[0] if args else os.path.join(HERE, "heldout-units.jsonl")
if csv_path is None:
    for cand in (os.path.join(HERE, "../../../shared/data/upr-un-reports-terman/upr_un_reports_recommendations_2008-2014.csv"),
                 "/work/shared/data/upr-un-reports-terman/upr_un_reports_recommendations_2008-2014.csv"):
        if os.path.exists(cand):
            csv_path = cand; break

KINDS = {"GENERAL_COMMENT", "DOCUMENT", "COMMUNICATION", "ARTICLE", "CASE"}
SOURCES = {"cladem", "upr-info", "upr-report"}
REF = {
    "GENERAL_COMMENT": re.compile(r"^(CCPR|CESCR|CRC|CAT|CRPD|CMW|CED)/GC/\d+$|^(CEDAW|CERD)/GR/\d+$"),
    "ARTICLE": re.compile(r"^(CCPR|CESCR|CEDAW|CERD|CAT|CRC|CRPD|CMW|CED|BDP|ACHR|ECHR|IC|OP[A-Z0-9]+)-\d+(-[0-9a-z]+)*$"),
    "CASE": re.compile(r"^(IACTHR|ECTHR):.+$"),
    "DOCUMENT": re.compile(r"^[A-Z][A-Za-z0-9./-]*/[A-Za-z0-9./-]+(#\d+)?$"),
    "COMMUNICATION": re.compile(r"^([A-Z]+ \d+/\d+|[A-Z]+/C/[0-9A-Z/.]+/D/\d+/\d{4})$"),
}

rows = None
if csv_path:
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = [r["text"] for r in csv.DictReader(f)]

errors = 0
units = []
for n, line in enumerate(open(fn, encoding="utf-8"), 1):
    u = json.loads(line); units.append(u)
    def err(msg):
        global errors; errors += 1; print(f"{fn}:{n}: {u.get('id')}: {msg}")
    for k in ("id", "source", "language", "state", "mechanism", "citations"):
        if k not in u: err(f"missing {k}")
    if "text" not in u and "textSha1" not in u: err("missing text")
    if u.get("source") not in SOURCES: err("bad source")
    if u.get("language") not in ("es", "en", "fr"): err("bad language")
    if not re.fullmatch(r"[A-Z]{3}", u.get("state", "")): err("bad state")
    text = u.get("text")
    if text is None:
        # the row is taken from "row" when present, else from the id (upr-report:{row})
        if "row" not in u and re.fullmatch(r"upr-report:\d+", u["id"]):
            u["row"] = int(u["id"].split(":")[1])
        if "textSha1" not in u or "row" not in u:
            err("null text without textSha1/row"); continue
        if u["id"] != f"upr-report:{u['row']}": err("id does not match row")
        if rows is None:
            err("CSV not found: cannot check null-text unit"); continue
        if not 1 <= u["row"] <= len(rows):
            err("row out of range"); continue
        text = rows[u["row"] - 1]
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != u["textSha1"]:
            err("textSha1 does not match the CSV row"); continue
    seen = set()
    for c in u["citations"]:
        if c["kind"] not in KINDS: err(f"bad kind {c['kind']}")
        elif not REF[c["kind"]].match(c["reference"]): err(f"reference not canonical-looking: {c['reference']}")
        if c["span"] not in text: err(f"span not in text: {c['span']!r}")
        if c["reference"] in seen: err(f"duplicate reference {c['reference']}")
        seen.add(c["reference"])

ids = Counter(u["id"] for u in units)
for i, k in ids.items():
    if k > 1: errors += 1; print(f"{fn}: duplicate id {i}")

# overlap with the development set
dev = os.path.join(HERE, "labelled-units.jsonl")
if os.path.exists(dev) and os.path.abspath(dev) != os.path.abspath(fn):
    dev_ids = {json.loads(l)["id"] for l in open(dev, encoding="utf-8")}
    for i in ids:
        if i in dev_ids: errors += 1; print(f"{fn}: {i} is also in labelled-units.jsonl")

cites = [(u, c) for u in units for c in u["citations"]]
print(f"{fn}: {len(units)} units, {sum(1 for u in units if not u['citations'])} without citation, {len(cites)} citations")
print("  units by source/language:", dict(Counter(f"{u['source']}/{u['language']}" for u in units)))
print("  units by mechanism:", dict(Counter(u["mechanism"] for u in units)))
print("  cladem units by state:", dict(sorted(Counter(u["state"] for u in units if u["source"] == "cladem").items())))
print("  no-citation units by source:", dict(Counter(u["source"] for u in units if not u["citations"])))
print("  citations by kind:", dict(Counter(c["kind"] for _, c in cites)))
print("  citations by kind and source:", dict(sorted(Counter(f"{c['kind']}@{u['source']}" for u, c in cites).items())))
print("  units containing each kind:", dict(Counter(k for u in units for k in {c["kind"] for c in u["citations"]})))
print("  ARTICLE citations by treaty code:", dict(Counter(c["reference"].split("-")[0] for _, c in cites if c["kind"] == "ARTICLE").most_common()))
print("OK" if not errors else f"{errors} ERROR(S)")
sys.exit(1 if errors else 0)
