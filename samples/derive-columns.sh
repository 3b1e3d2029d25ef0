#!/bin/sh
# Derives captures for the frame list's columns as tshark 4.0.17 writes them (Time precision, frames
# the snap length cut) from the real recordings in samples/, and records tshark's Time column of
# every sample for TimeColumnMatchesTsharkTest. No packet byte is written by hand.
#   sh samples/derive-columns.sh         (needs tshark, editcap, python3; no root)
#
# Time: Wireshark's default precision is "automatic", the resolution of the frame's timestamps; the
# fraction is truncated, not rounded. No Wireshark tool writes another resolution (editcap keeps the
# input's), so tsresol.py rewrites the nanosecond recording as pcapng with another if_tsresol, each
# timestamp rounded down to the new unit:
#   derived/pasv-nanosecond-ms.pcapng     if_tsresol 3 (10^-3 s): 3 decimals, 0.004
#   derived/pasv-nanosecond-2e-10.pcapng  if_tsresol 0x8a (2^-10 s): 3 decimals, the fraction
#                                          0.0009765625-multiples truncated (0.004882812 shows 0.004)
set -eu
cd "$(dirname "$0")"
out=derived
mkdir -p "$out"
python3 tsresol.py pasv-nanosecond.pcap "$out/pasv-nanosecond-ms.pcapng" 3
python3 tsresol.py pasv-nanosecond.pcap "$out/pasv-nanosecond-2e-10.pcapng" 0x8a

# tshark's Time column (_ws.col.Time, default precision) of every sample and derived capture:
# ../src/test/resources/org/ftpscope/tshark-time/NAME.tsv.gz, "frame<TAB>time" per line
# (derived/X is written as derived--X).
oracle=../src/test/resources/org/ftpscope/tshark-time
mkdir -p "$oracle"
for f in *.pcap *.pcapng derived/*.pcap derived/*.pcapng; do
    [ -f "$f" ] || continue
    case "$f" in derived/*) n=derived--$(basename "$f") ;; *) n=$(basename "$f") ;; esac
    tshark -r "$f" -T fields -e frame.number -e _ws.col.Time 2>/dev/null | gzip -n -9 > "$oracle/$n.tsv.gz"
done
tshark --version | head -1
