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

# One direction only (issue D5): a capture filter on the client's address. The client's SYNs have
# no SYN-ACK in the capture, but its ACKs (frame 2 on), commands and STOR bytes show the server
# answered; nothing the server sent (replies, RETR bytes, FINs) is in the capture.
filter() { tshark -r "$1" -Y "$2" -F pcap -w "$3" 2>/dev/null; }
filter pasv-curl.pcap 'ip.src==192.0.2.10' "$out/pasv-curl-client-only.pcap"
# …and merged with its own frames 1-2 (the control SYN and the client's ACK) 10 s later: the SYN
# is then sent twice, as a retransmission looks.
editcap -F pcap -r "$out/pasv-curl-client-only.pcap" "$tmp/syn-ack.pcap" 1-2
editcap -F pcap -t 10 "$tmp/syn-ack.pcap" "$tmp/syn-ack-later.pcap"
mergecap -F pcap -w "$out/pasv-curl-client-only-syn-again.pcap" "$out/pasv-curl-client-only.pcap" "$tmp/syn-ack-later.pcap"
# The control connection in both directions, the data connections only from the client (the
# server's data segments take another path): the 226 replies are there, the bytes downloaded not.
filter pasv-curl.pcap '!(ip.src==198.51.100.21 && tcp.srcport!=21)' "$out/pasv-curl-data-client-only.pcap"
# Active mode, only the client's side: the server's data connections from port 20 are in the
# capture by the client's SYN-ACKs and ACKs; what the server sent on them is not.
filter active-port.pcap 'ip.src==192.0.2.10' "$out/active-port-client-only.pcap"

# Two unanswered control connections whose SYNs overlap in time: server-unreachable.pcap's
# curl SYN (3) and its retransmissions (4-6, until 3.06 s), with ftplib's first SYN (7, at 4.18 s)
# moved 3.5 s earlier, between them (0.68 s). The last SYN is curl's, not the later connection's.
editcap -F pcap -r server-unreachable.pcap "$tmp/curl.pcap" 1-6
editcap -F pcap -r server-unreachable.pcap "$tmp/ftplib.pcap" 7
editcap -F pcap -t -3.5 "$tmp/ftplib.pcap" "$tmp/ftplib-earlier.pcap"
mergecap -F pcap -w "$out/server-unreachable-overlapping.pcap" "$tmp/curl.pcap" "$tmp/ftplib-earlier.pcap"
