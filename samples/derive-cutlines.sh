#!/bin/sh
# Control lines cut by the snaplen, and lost commands, derived from the real recordings in samples/
# with the standard tools only (editcap, tshark 4.0.17). Output: samples/derived/*.pcap (committed).
# Tests: CutControlLinesTest, LostCommandTest.
#   sh samples/derive-cutlines.sh
set -eu
cd "$(dirname "$0")"
out=derived
mkdir -p "$out"

# D7: frames cut to 4 payload bytes (Ethernet 14 + IPv4 20 + TCP 32 with timestamps = 66): every
# control line is cut, 27 in the first session (12 commands, 15 replies) and 18 in the second, and
# what is left of each is its verb or reply code ("PASV", "RETR", "227 ").
editcap -F pcap -s 70 pasv-curl.pcap "$out/pasv-curl-s70.pcap"
# ...to 1 payload byte: "P", "R", "2" -- the lines are still there, their verbs and codes are not.
editcap -F pcap -s 67 pasv-curl.pcap "$out/pasv-curl-s67.pcap"
# ...to 4 bytes in active mode, and the third session's FEAT reply, whose inner lines (" EPR", " EPS")
# come one a frame after its cut first line "211-".
editcap -F pcap -s 70 active-port.pcap "$out/active-port-s70.pcap"

# D4: a lost command must not make its data connection vanish.
# Frame 44, RETR notes-48k.txt: its 150 (frame 44 after the cut) and 226 answer a command not in
# the capture; the data connection (tcp.stream 2, 48000 bytes) is that of the PASV in frame 35.
editcap -F pcap pasv-curl.pcap "$out/pasv-curl-lost-retr.pcap" 44
# Frame 33, PORT 192,0,2,10,172,179 (the RETR readme.txt's): its 200 answers a command not in the
# capture, the RETR has no setup; the server's connection from port 20 (tcp.stream 2) is its channel.
editcap -F pcap active-port.pcap "$out/active-port-lost-port.pcap" 33
# Frame 19, the LIST's PASV: its 227 (frame 19 after the cut) answers a command not in the capture,
# and only PASV gets a 227, so the reply names the LIST's channel (198.51.100.21:40029).
editcap -F pcap pasv-curl.pcap "$out/pasv-curl-lost-pasv.pcap" 19
# Frame 76, STOR up-20k.bin: the 150 "Ok to send data." and the 20000 bytes to the server remain.
editcap -F pcap active-port.pcap "$out/active-port-lost-stor.pcap" 76
