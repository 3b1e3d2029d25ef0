#!/bin/sh
# Derives captures that hold part of the traffic only — one direction, a connection's first frames
# missing, some frames twice — from the real recordings in samples/, with the standard tools only
# (tshark 4.0.17, editcap, mergecap). Output: samples/derived/*.pcap (committed), classic pcap.
#   sh samples/derive-oneway.sh
set -eu
cd "$(dirname "$0")"
out=derived
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Copies of a bare ACK before a copy with data: frame 5 (the client's ACK of the handshake) and
# frame 48 (1448 bytes of the RETR) of pasv-curl.pcap once more at the same time. The first copy
# of all is frame 6 (of 5), the first with data frame 50 (of 49, the original frame 48).
editcap -F pcap -r pasv-curl.pcap "$tmp/ack-and-data.pcap" 5 48
mergecap -F pcap -w "$out/pasv-curl-ack-and-data-copied.pcap" pasv-curl.pcap "$tmp/ack-and-data.pcap"
