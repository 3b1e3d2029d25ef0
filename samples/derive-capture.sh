#!/bin/bash
# Derives imperfect captures from the real recordings in samples/ with Wireshark's standard tools
# (mergecap, editcap 4.0.17), for the capture/tcp tests: no byte is written by hand.
#
#   derived/pasv-curl-merged-twice.pcap      mergecap -a X X: the whole recording twice, the copy's
#                                            timestamps repeat the original's (time goes backwards)
#   derived/pasv-curl-span-copies.pcap       every frame twice, the copy 4 µs later, as a SPAN port
#                                            that mirrors both directions of a link delivers it
#   derived/firewall-rejects-syn-retry.pcap  firewall-rejects-pasv.pcap plus its frame 19 (the SYN
#                                            the firewall answered with RST in frame 20) again 1 s
#                                            later: the same SYN, same ISN, retransmitted after the RST
#
# Run from anywhere: bash samples/derive-capture.sh   (needs mergecap and editcap; no root)
set -euo pipefail
cd "$(dirname "$0")"
out=derived
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mergecap -F pcap -a -w "$out/pasv-curl-merged-twice.pcap" pasv-curl.pcap pasv-curl.pcap

editcap -F pcap -t 0.000004 pasv-curl.pcap "$tmp/later.pcap"
mergecap -F pcap -w "$out/pasv-curl-span-copies.pcap" pasv-curl.pcap "$tmp/later.pcap"

editcap -F pcap -r firewall-rejects-pasv.pcap "$tmp/syn19.pcap" 19
editcap -F pcap -t 1 "$tmp/syn19.pcap" "$tmp/syn19-later.pcap"
mergecap -F pcap -w "$out/firewall-rejects-syn-retry.pcap" firewall-rejects-pasv.pcap "$tmp/syn19-later.pcap"

for f in "$out"/*.pcap; do
    printf '%s\t%s frames\n' "$f" "$(capinfos -cM "$f" | awk '/Number of packets/ {print $NF}')"
done
