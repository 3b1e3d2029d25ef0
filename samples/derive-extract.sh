#!/bin/sh
# Derives the imperfect captures (and one key log) of the extract and TLS-cause tests (helper
# `extract`) from the real recordings in samples/, with the standard tools only (editcap 4.0).
# Run from anywhere: sh samples/derive-extract.sh
# Reused, made by the other derive-*.sh scripts: derived/ftps-cbc-lost-frame-125.pcap,
# derived/tls-lost-frame-100.pcap, derived/pasv-curl-some-data-missing.pcap,
# derived/pasv-curl-control-only.pcap, derived/long-session-s96.pcap,
# derived/ftps-gcm-snaplen-150.pcap, derived/tunnel-6in4-s96.pcap.
set -eu
cd "$(dirname "$0")"
mkdir -p derived
# Frame 80 of ftps-tls12-gcm.pcap (1448 bytes in the middle of the first TLS record of the RETR
# notes-48k.txt data connection, tcp.stream 2) lost by the capture. (editcap deletes the frames it
# is given; -r would keep only them.)
editcap ftps-tls12-gcm.pcap derived/ftps-gcm-lost-frame-80.pcap 80
# The TLS 1.2 GCM key log with a wrong secret for that data connection: its CLIENT_RANDOM line
# carries the master secret of session 2 (the last line's), as a key log of another run would.
wrong=$(tail -n 1 ftps-tls12-gcm.keys | cut -d' ' -f3)
awk -v s="$wrong" '$2 == "fea186ef7576472a3d3b89fda96fd6df69d611999d5ccf2d890fcdb3a189ccbc" { $3 = s } { print }' \
    ftps-tls12-gcm.keys > derived/ftps-gcm-wrong-data-key.keys
