#!/bin/sh
# Derives the imperfect captures of docs/data-connections.md from the real recordings in samples/,
# with the standard tools only (tshark 4.0.17, editcap). Output: samples/derived/*.pcap (committed).
#   sh samples/derive-data.sh
set -eu
cd "$(dirname "$0")"
out=derived
mkdir -p "$out"
# tshark refuses to write pcapng->pcap silently; force classic pcap like the sources.
filter() { tshark -r "$1" -Y "$2" -F pcap -w "$out/$3" 2>/dev/null; }

# Item 3: control-only captures (a capture filter of `port 21`): no data connection at all.
filter pasv-curl.pcap   'tcp.port==21' pasv-curl-control-only.pcap
filter active-port.pcap 'tcp.port==21' active-port-control-only.pcap
filter long-session.pcap 'tcp.port==21' long-session-control-only.pcap
# …and one where only some data connections are missing: the LIST's (to port 40029) and the
# STOR's (to 40076) are filtered out, the RETR's (to 40070) stays.
filter pasv-curl.pcap   '!(tcp.port==40029 || tcp.port==40076)' pasv-curl-some-data-missing.pcap

# Item 12: data connections whose control connection is not in the capture.
# Active mode from port 20 (tshark labels port 20 FTP-DATA by its port registration):
filter active-port.pcap '!(tcp.port==21)' active-port-data-only.pcap
# Passive: the second session's control connection (client port 47168) filtered out of five;
# its data connection to 198.51.100.21:40037 is inside the passive ports (40005-40038) that the
# other sessions' 227 replies advertise for that server.
filter nat-wrong-pasv-address.pcap '!(tcp.port==47168)' nat-one-control-missing.pcap
# A SYN to port 21 with its answer filtered out: what an unreachable server looks like.
filter pasv-curl.pcap 'frame.number==107' pasv-curl-syn-only.pcap

# Item 11: why bytes are missing.
# The capture ends during RETR notes-48k.txt (size announced 48000): last frame 60.
editcap -r pasv-curl.pcap "$out/pasv-curl-cut-in-retr.pcap" 1-60
# The capture ends during STOR up-20k.bin (no size announced): last frame 150.
editcap -r pasv-curl.pcap "$out/pasv-curl-cut-in-stor.pcap" 1-150
# One data segment of the RETR (frame 48, 1448 bytes) lost by the capture; the client's later
# ACKs prove it arrived.
editcap pasv-curl.pcap "$out/pasv-curl-lost-data-segment.pcap" 48
