#!/bin/sh
# A 6in4 capture cut by the snaplen (issue 18 follow-up): 96 bytes keep Ethernet (14), the outer IPv4 (20),
# the inner IPv6 (40) and 22 bytes of each TCP header; every TCP header of tunnel-6in4.pcap is 32 bytes or
# longer (timestamps), so no byte of any payload survives -- no command, no reply, no file content.
set -e
cd "$(dirname "$0")"
mkdir -p derived
editcap -s 96 tunnel-6in4.pcap derived/tunnel-6in4-s96.pcap
# A link type ftpscope does not decode: the frames of port-to-21.pcap relabelled LINKTYPE_USER0 (147).
editcap -T user0 port-to-21.pcap derived/port-to-21-user0.pcap
