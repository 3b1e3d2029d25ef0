#!/bin/sh
# Imperfect control channels derived from real recordings (issue 18, items 1 and 2).
set -e
cd "$(dirname "$0")"
mkdir -p derived
# editcap deletes the listed frames (-d/-r select ranges the same way). frame 94: the 226 of RETR readme.txt; frame 300: the client's CDUP
editcap long-session.pcap derived/long-session-lost-226-and-cdup.pcap 94 300
# (ImperfectControlTest also writes, at test time, mirror-long.pcap without frame 2412 -- the 150 of
#  RETR f276.bin, as editcap mirror-long.pcap OUT 2412 -- and Zeek's bruteforce.pcap from frame 7 on,
#  as editcap -r bruteforce.pcap OUT 7-: the shared captures are not copied into the repo.)
# frame 88: the 150 Opening of RETR readme.txt
editcap long-session.pcap derived/long-session-lost-150.pcap 88
editcap -s 128 long-session.pcap derived/long-session-s128.pcap
editcap -s 96 long-session.pcap derived/long-session-s96.pcap
# One reply lost each (audit of 2026-12-02): frame 298, the 426 of RETR large-300k.bin (the next
# reply, CDUP's 250, fits RETR too); frame 36 of pasv-curl.pcap, the 227 of the RETR's PASV (the
# data connection opens before any frame shows the 227 was lost); frames 40-41, TYPE I and its 200.
editcap -F pcap long-session.pcap derived/long-session-lost-426.pcap 298
editcap -F pcap pasv-curl.pcap derived/pasv-curl-lost-227.pcap 36
editcap -F pcap pasv-curl.pcap derived/pasv-curl-lost-type-exchange.pcap 40 41
# Frame 19 of nat-wrong-pasv-address.pcap: the SYN of the first data connection (to the control
# connection's address instead of the advertised private one).
editcap -F pcap nat-wrong-pasv-address.pcap derived/nat-wrong-pasv-first-syn-lost.pcap 19
