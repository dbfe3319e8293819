#!/usr/bin/python3
"""Read a Prometheus text exposition with Debian's python3-prometheus-client.

    promparse.py FILE            print every sample, one per line, sorted:
                                 TYPE NAME{label="v",...} VALUE
    promparse.py --delta A B     print what rose from A to B, one line per
                                 counter or histogram sample that changed:
                                 NAME{...} +N; fail when one went down or
                                 disappeared

Besides what the parser itself refuses, FILE must give every family a
HELP and a TYPE other than untyped, hold no sample twice, no negative
counter, histogram buckets that never decrease and a +Inf bucket equal
to _count.  Any violation is printed on standard error, exit status 1.
"""
import sys

from prometheus_client.parser import text_string_to_metric_families


def fail(msg):
    print("promparse: " + msg, file=sys.stderr)
    sys.exit(1)


def series(name, labels):
    if not labels:
        return name
    return name + "{" + ",".join('%s="%s"' % (k, labels[k])
                                 for k in sorted(labels)) + "}"


def number(v):
    return str(int(v)) if float(v).is_integer() else repr(v)


def check_histogram(fam):
    buckets, count = [], None
    for s in fam.samples:
        if s.name.endswith("_bucket"):
            le = s.labels["le"]
            buckets.append((float("inf") if le == "+Inf" else float(le),
                            s.value))
        elif s.name.endswith("_count"):
            count = s.value
    buckets.sort()
    if not buckets or buckets[-1][0] != float("inf"):
        fail("%s: no +Inf bucket" % fam.name)
    for (a, x), (b, y) in zip(buckets, buckets[1:]):
        if y < x:
            fail("%s: bucket le=%s (%s) below le=%s (%s)" % (fam.name, b, y, a, x))
    if count is None or buckets[-1][1] != count:
        fail("%s: +Inf bucket %s is not _count %s" % (fam.name, buckets[-1][1], count))


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    helps = {l.split()[2] for l in text.splitlines() if l.startswith("# HELP ")}
    out = {}
    try:
        fams = list(text_string_to_metric_families(text))
    except Exception as e:  # the parser's own refusal
        fail("%s: %s" % (path, e))
    for fam in fams:
        if fam.type in ("untyped", "unknown"):
            fail("%s: no TYPE" % fam.name)
        names = {fam.name, fam.name + "_total"}
        if not names & helps:
            fail("%s: no HELP" % fam.name)
        if fam.type == "histogram":
            check_histogram(fam)
        for s in fam.samples:
            key = series(s.name, s.labels)
            if key in out:
                fail("%s: sample given twice" % key)
            if fam.type == "counter" and s.value < 0:
                fail("%s: negative counter" % key)
            out[key] = (fam.type, s.value)
    return out


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--delta":
        a, b = load(sys.argv[2]), load(sys.argv[3])
        for key in sorted(set(a) | set(b)):
            typ = (b.get(key) or a.get(key))[0]
            if typ not in ("counter", "histogram"):
                continue
            if key not in b:
                fail("%s: gone" % key)
            old = a[key][1] if key in a else 0.0
            new = b[key][1]
            if new < old:
                fail("%s: went down from %s to %s" % (key, number(old), number(new)))
            if new != old and not key.startswith("nefmilter_fetch_duration_seconds_sum"):
                print("%s +%s" % (key, number(new - old)))
        return
    if len(sys.argv) != 2:
        fail("usage: promparse.py FILE | --delta A B")
    for key, (typ, v) in sorted(load(sys.argv[1]).items()):
        print("%s %s %s" % (typ, key, number(v)))


main()
