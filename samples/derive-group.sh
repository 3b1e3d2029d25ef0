#!/usr/bin/env bash
# samples/derive-group.sh -- imperfect captures for the finding groups and pattern rules (issue 18 item 4),
# derived with standard tools from real recordings:
#   derived/nmap-bounce-scan-control-only.pcap   nmap-bounce-scan.pcap with only the control connection
#                                                (what a "port 2121" capture filter keeps): open/closed
#                                                must then come from the server's 150/226 and 425 replies
#   derived/nmap-bounce-scan-cut.pcap            the same scan cut after frame 600 (editcap -r 1-600):
#                                                the capture ends mid-scan
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p derived
tshark -r nmap-bounce-scan.pcap -Y "tcp.port == 2121" -w derived/nmap-bounce-scan-control-only.pcap
editcap -r nmap-bounce-scan.pcap derived/nmap-bounce-scan-cut.pcap 1-600
capinfos -c derived/nmap-bounce-scan-control-only.pcap derived/nmap-bounce-scan-cut.pcap
