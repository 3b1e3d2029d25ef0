#!/usr/bin/env bash
# samples/verify.sh -- check that every row of transfers.tsv is really in its
# capture: the bytes of some TCP stream direction (as reassembled by tshark's
# "follow tcp", or "follow tls" with auth-tls.keys / ftps-*.keys for the TLS captures) must
# have the listed size and SHA-256.  Needs tshark and python3; no root.
#
#     bash samples/verify.sh
#
# Rows of snaplen-96.pcap cannot match (frames are truncated to 96 bytes on
# purpose); they are reported as "truncated (expected)".
set -euo pipefail
cd "$(dirname "$0")"
exec python3 - <<'EOF'
import collections, csv, hashlib, subprocess, sys

def streams(cap):
    out = subprocess.run(["tshark", "-r", cap, "-T", "fields", "-e", "tcp.stream"],
                         capture_output=True, text=True, check=True).stdout.split()
    return sorted({int(x) for x in out if x})

def follow(cap, proto, extra=()):
    """{(stream, direction): bytes} for every TCP stream of the capture."""
    ids = streams(cap)
    args = ["tshark", "-r", cap, "-q", *extra]
    for i in ids:
        args += ["-z", "follow,%s,raw,%d" % (proto, i)]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    res = {}
    cur = None
    for line in out.splitlines():
        if line.startswith("Filter:"):
            cur = int(line.split()[-1]) if "tcp.stream" in line else None
            if cur is not None:
                res[(cur, 0)] = bytearray(); res[(cur, 1)] = bytearray()
        elif cur is not None and line and not line.startswith(("Node", "Follow", "=")):
            d = 1 if line.startswith("\t") else 0
            try:
                res[(cur, d)].extend(bytes.fromhex(line.strip()))
            except ValueError:
                pass
    return res

rows = list(csv.DictReader(open("transfers.tsv", newline=""), delimiter="\t"))
bycap = collections.defaultdict(list)
for r in rows:
    bycap[r["capture"]].append(r)

bad = 0
for cap, rs in bycap.items():
    if cap == "auth-tls.pcap":
        # decrypted data-connection payloads (every data connection is TLS, PROT P)
        # (ftp-data disabled, else the PASV-derived ftp-data conversation hides TLS)
        data = follow(cap, "tls", ["-o", "tls.keylog_file:auth-tls.keys",
                                    "--disable-protocol", "ftp-data",
                                    "-d", "tcp.port==40000-40100,tls"])
    elif cap.startswith("ftps-"):
        # FTPS captures: each has its key log beside it (ftps-X.pcap -> ftps-X.keys)
        data = follow(cap, "tls", ["-o", "tls.keylog_file:" + cap[:-5] + ".keys",
                                    "--disable-protocol", "ftp-data",
                                    "-d", "tcp.port==21,tls", "-d", "tcp.port==990,tls",
                                    "-d", "tcp.port==989,tls",
                                    "-d", "tcp.port==40000-40100,tls",
                                    "-d", "tcp.port==40200-40300,tls"])
    else:
        data = follow(cap, "tcp")
    seen = {}
    for k, v in data.items():
        seen.setdefault((len(v), hashlib.sha256(v).hexdigest()), k)
    for r in rs:
        key = (int(r["bytes"]), r["sha256"])
        if key in seen:
            st, d = seen[key]
            print("ok       %-28s stream %-3d %-4s %-40.40s %8s" % (cap, st, r["command"], r["path"], r["bytes"]))
        elif cap == "snaplen-96.pcap":
            print("truncated (expected) %s %s %s" % (cap, r["command"], r["path"]))
        else:
            bad += 1
            print("MISSING  %-28s %-4s %s %s" % (cap, r["command"], r["path"], r["bytes"]))
print("%d rows, %d missing" % (len(rows), bad))
sys.exit(1 if bad else 0)
EOF
