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
