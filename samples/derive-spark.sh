#!/usr/bin/env bash
# The Spark job's benchmark archive (docs/spark.md), derived from a real recording; not committed
# (200 MB). 240 copies of concurrent-clients.pcap (4 overlapping sessions each): copy i has its
# clients 192.0.2.x renamed to 198.18.i.x (benchmark range, checksums fixed) and is shifted by 2*i s,
# so no two copies share a connection. Concatenated: target/spark-bench/whole.pcap (225120 frames,
# 960 sessions, 960 transfers); cut like a ring buffer (editcap -c 22520) into 10 files under
# target/spark-bench/parts/, so sessions cross the cuts.
# Needs tcprewrite (Debian package tcpreplay), editcap, mergecap.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/spark-bench
rm -rf "$out" && mkdir -p "$out/copies" "$out/parts"
for i in $(seq 0 239); do
  n=$(printf %03d "$i")
  tcprewrite --pnat=192.0.2.0/24:198.18.$i.0/24 --fixcsum -i samples/concurrent-clients.pcap -o "$out/copies/r_$n.pcap"
  editcap -F pcap -t $((i * 2)) "$out/copies/r_$n.pcap" "$out/copies/c_$n.pcap"
  rm "$out/copies/r_$n.pcap"
done
mergecap -a -F pcap -w "$out/whole.pcap" "$out"/copies/c_*.pcap
rm -r "$out/copies"
editcap -c 22520 "$out/whole.pcap" "$out/parts/ring.pcap"
capinfos -c -s "$out/whole.pcap"
