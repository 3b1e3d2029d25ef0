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

# A data connection whose first frames the capture does not hold (issue D9): the order of two
# connections to one data port is known only as far as the frames show it.
# port-hijack.pcap without vsftpd's SYN (24) and the client's SYN-ACK (25): its own connection,
# tcp.stream 2, starts at frame 24 (its ACK, originally 26), after the third host's SYN in 17.
editcap -F pcap port-hijack.pcap "$out/port-hijack-own-syn-missing.pcap" 24 25
# port-hijack.pcap without the third host's SYN (17): its connection starts at frame 19 (the
# client's SYN-ACK, originally 20), before vsftpd's SYN (23, originally 24).
editcap -F pcap port-hijack.pcap "$out/port-hijack-third-syn-missing.pcap" 17
# pasv-race.pcap without the client's SYN of round 2 (38): its connection (tcp.stream 3) starts at
# frame 38 (the server's SYN-ACK, originally 39), before the third host's SYN (40, originally 41).
editcap -F pcap pasv-race.pcap "$out/pasv-race-client-syn-missing.pcap" 38
