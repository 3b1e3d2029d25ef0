#!/bin/sh
# Derives the captures of a data connection's lost start and end (docs/data-connections.md) from
# the real recordings in samples/, with the standard tools only (editcap and tshark 4.0.17).
# Output: samples/derived/*.pcap (committed), classic pcap (-F pcap) like the sources.
#   sh samples/derive-start.sh
# (editcap deletes the frames it is given; with -r it keeps only them.)
set -eu
cd "$(dirname "$0")"
out=derived
mkdir -p "$out"

# The start of a stream.
# STOR up-20k.bin (20000 bytes, no size announced): its handshake (frames 125-127) and first data
# segment (132, 1448 bytes) lost. Nothing in the capture shows where the client's data began.
editcap -F pcap pasv-curl.pcap "$out/pasv-curl-stor-start-lost.pcap" 125-127 132
# Only the STOR's SYN (125) lost: the SYN-ACK's acknowledgment number is the client's ISN + 1.
editcap -F pcap pasv-curl.pcap "$out/pasv-curl-stor-syn-lost.pcap" 125
# Only the LIST's SYN-ACK (22) lost: the client's ACK (frame 23, now 22), sent before LIST, shows
# the server's ISN + 1.
editcap -F pcap pasv-curl.pcap "$out/pasv-curl-list-synack-lost.pcap" 22
# RETR notes-48k.txt (48000 announced): SYN and SYN-ACK (37, 38) and the first data segment (46)
# lost; the client's ACK (39, now 37) before RETR shows the data began 1448 bytes earlier.
editcap -F pcap pasv-curl.pcap "$out/pasv-curl-retr-first-segment-lost.pcap" 37 38 46
# The RETR's whole handshake (37-39) lost: nothing shows where the server's data began, but the
# 48000 bytes the capture holds are the size the 150 reply announced.
editcap -F pcap pasv-curl.pcap "$out/pasv-curl-retr-handshake-lost.pcap" 37-39
# RETR notes-48k.txt captured from the middle of its data: its connection's frames 37-39 and
# 46-59 are not kept (the control channel is).
editcap -F pcap -r pasv-curl.pcap "$out/pasv-curl-retr-from-mid-data.pcap" 1-36 40-45 60-169

# The end of a stream.
# The LIST data connection's FIN (frame 30) lost; the client's FIN/ACK (31, now 30) acknowledges it.
editcap -F pcap pasv-curl.pcap "$out/pasv-curl-list-fin-lost.pcap" 30
# The STOR's FIN from the client (frame 160) lost; the server's FIN/ACK (161, now 160) acknowledges it.
editcap -F pcap pasv-curl.pcap "$out/pasv-curl-stor-fin-lost.pcap" 160
# The three RSTs of reset-halfway.pcap (67, 166, 264) lost; the 426/226/426 replies remain.
editcap -F pcap reset-halfway.pcap "$out/reset-halfway-rsts-lost.pcap" 67 166 264
# Only the client's frames of active-port.pcap: the server's data (from port 20) are not in it.
tshark -r active-port.pcap -Y 'ip.src==192.0.2.10' -F pcap -w "$out/active-port-client-only.pcap" 2>/dev/null

# A third host took the data, and the RST of the client's own connection is lost.
# pasv-race.pcap: 192.0.2.66 got small.bin's 512 bytes; the server's RST of the client's
# connection (frame 34) lost.
editcap -F pcap pasv-race.pcap "$out/pasv-race-rst-lost.pcap" 34
# port-hijack.pcap: 198.51.100.66 got the STOR's 20000 bytes; the RST of the server's own
# connection to the client (frame 29) lost.
editcap -F pcap port-hijack.pcap "$out/port-hijack-rst-lost.pcap" 29
