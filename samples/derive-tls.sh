#!/bin/sh
# Derives imperfect FTPS captures from the real auth-tls.pcap for the TLS tests (helper `tls`).
# Needs editcap/mergecap (Wireshark 4.0). Run from the repository root: sh samples/derive-tls.sh
set -eu
cd "$(dirname "$0")"
mkdir -p derived
# One segment of the 48000-byte RETR (stream 2, server -> client) is missing: frame 100 of 305.
editcap auth-tls.pcap derived/tls-lost-frame-100.pcap 100
# Every frame twice, as a capture on a mirror port with two taps shows them.
mergecap -w derived/tls-every-frame-twice.pcap auth-tls.pcap auth-tls.pcap
# Cut after 200 bytes per frame (tcpdump -s 200): full segments become gaps.
editcap -s 200 auth-tls.pcap derived/tls-snaplen-200.pcap
# FTPS recordings (samples/README.md): a segment of the 48000-byte AES-CBC RETR (stream 3) is
# missing (frame 125 of 216), and the TLS 1.2 GCM capture cut at 150 bytes per frame (the
# certificate chain, 2 KB in clear, no longer fits).
editcap ftps-tls12-cbc.pcap derived/ftps-cbc-lost-frame-125.pcap 125
editcap -s 150 ftps-tls12-gcm.pcap derived/ftps-gcm-snaplen-150.pcap
