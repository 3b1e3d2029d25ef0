#!/usr/bin/env bash
# samples/derive-tshark.sh -- tshark 4.0.17's frame list of every sample and of the shared Zeek
# captures, the oracle of FramesMatchTsharkTest: src/test/resources/org/ftpscope/tshark/NAME.tsv.gz,
# one line per frame: number, source, destination, protocol, length, info, tcp.stream.
# A capture with a key log beside it (X.pcap and X.keys: the FTPS recordings) gets a second file,
# NAME+keys.tsv.gz, of tshark decrypting with -o tls.keylog_file:X.keys.
# (tshark is not needed to run the tests; only to refresh these files after a new recording.)
set -euo pipefail
cd "$(dirname "$0")"
OUT=../src/test/resources/org/ftpscope/tshark
mkdir -p "$OUT"
# derived/X.pcap is written as derived--X.pcap.tsv.gz (a file name cannot hold the slash)
for f in *.pcap *.pcapng derived/*.pcap ../../shared/captures/zeek/*.pcap ../../shared/captures/zeek/*.pcap.gz; do
    [ -f "$f" ] || continue
    case "$f" in derived/*) n=derived--$(basename "$f") ;; *) n=$(basename "$f") ;; esac
    tshark -r "$f" -T fields -E separator=/t -e frame.number -e _ws.col.Source -e _ws.col.Destination \
        -e _ws.col.Protocol -e frame.len -e _ws.col.Info -e tcp.stream 2>/dev/null | gzip -n -9 > "$OUT/$n.tsv.gz"
    keys=${f%.pcap}.keys
    if [ "${f%.pcap}" != "$f" ] && [ -f "$keys" ]; then
        tshark -o "tls.keylog_file:$keys" -r "$f" -T fields -E separator=/t -e frame.number -e _ws.col.Source \
            -e _ws.col.Destination -e _ws.col.Protocol -e frame.len -e _ws.col.Info -e tcp.stream 2>/dev/null \
            | gzip -n -9 > "$OUT/$n+keys.tsv.gz"
    fi
done
tshark --version | head -1
