#!/bin/sh
# Records what tshark 4.0.17 says of every ftpscope field it also has, for every frame of every
# sample, so EveryTreeFieldFiltersTest can compare without tshark (CI has none):
#   sh samples/derive-fields.sh [sample.pcap ...]    (default: every sample)
# Output: samples/derived/fields/<sample>.tsv.gz, one row per field and value:
#   field <TAB> value <TAB> frames (ranges, e.g. 1-5,9)
# The value is tshark's PDML "show" text (XML entities decoded; \ tab and newline escaped as \\ \t \n);
# empty for fields tested for presence only. The frames are those holding that value, which are
# the frames tshark's filter `field == value` (or `field`) matches. The field list and types are
# read from ftpscope's declarations (src/main/java/org/ftpscope/fields). Left out: frame.number (the
# same count on both sides by construction) and, in captures of more than BIG_CAPTURE frames, the
# fields with more than UNIQUE_VALUES distinct values (checksums, raw sequence numbers, timestamps:
# one row per frame; the smaller samples check them). The second line names the fields recorded.
set -eu
cd "$(dirname "$0")"
mkdir -p derived/fields
tshark -G fields 2>/dev/null | cut -f3 > derived/fields/.tshark-names
tshark -G protocols 2>/dev/null | cut -f3 >> derived/fields/.tshark-names
[ $# -gt 0 ] || set -- *.pcap *.pcapng
for s in "$@"; do
  tshark -r "$s" -T pdml 2>/dev/null | python3 -c '
import re, sys, html, gzip, glob
decl = {}
for f in glob.glob("../src/main/java/org/ftpscope/fields/*.java"):
    src = open(f).read()
    for name, typ in re.findall(r"\.field\(\"([^\"]+)\", (?:FieldType\.)?([A-Z]+)", src):
        decl[name] = typ
    for name in re.findall(r"FieldGroup\.protocol\(\"([^\"]+)\"", src):
        decl[name] = "PROTOCOL"
known = set(open("derived/fields/.tshark-names").read().split())
BIG_CAPTURE, UNIQUE_VALUES = 2000, 1000
wanted = {n: t for n, t in decl.items() if n in known and n != "frame.number"}
rows = {}
frame = 0
tag = re.compile(r"<(field|proto) name=\"([^\"]*)\"(.*?)/?>$")
show = re.compile(r" show=\"([^\"]*)\"")
for line in sys.stdin:
    line = line.strip()
    if line.startswith("<packet>"):
        frame += 1
        continue
    m = tag.match(line)
    if not m or m.group(2) not in wanted:
        continue
    name, typ = m.group(2), wanted[m.group(2)]
    if typ in ("PROTOCOL", "NONE"):
        value = ""
    else:
        s = show.search(m.group(3))
        value = html.unescape(s.group(1)) if s else ""
        # tshark marks analysis flags (FT_NONE there) by presence; ftpscope declares them 0/1.
        if typ == "BOOL" and value == "":
            value = "1"
    rows.setdefault((name, value), []).append(frame)
def ranges(fs):
    fs = sorted(set(fs)); out = []; i = 0
    while i < len(fs):
        j = i
        while j + 1 < len(fs) and fs[j + 1] == fs[j] + 1: j += 1
        out.append(str(fs[i]) if i == j else "%d-%d" % (fs[i], fs[j])); i = j + 1
    return ",".join(out)
esc = lambda v: v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
omitted = set()
if frame > BIG_CAPTURE:
    distinct = {}
    for (name, value) in rows: distinct[name] = distinct.get(name, 0) + 1
    omitted = {n for n, c in distinct.items() if c > UNIQUE_VALUES}
with gzip.GzipFile(sys.argv[1], "wb", mtime=0) as out:
    out.write(("# tshark 4.0.17 PDML of %s, %d frames\n" % (sys.argv[2], frame)).encode())
    out.write(("# fields: %s\n" % " ".join(sorted(set(wanted) - omitted))).encode())
    for (name, value) in sorted(rows):
        if name in omitted: continue
        out.write(("%s\t%s\t%s\n" % (name, esc(value), ranges(rows[(name, value)]))).encode())
' "derived/fields/$s.tsv.gz" "$s"
done
rm derived/fields/.tshark-names
