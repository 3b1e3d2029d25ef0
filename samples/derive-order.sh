#!/bin/sh
# Derives captures whose frames come in another order than the network sent them, from the real
# recordings in samples/, with the standard tools only (tshark 4.0.17, editcap, mergecap).
# Output: samples/derived/*.pcap (committed). docs/data-connections.md says what each shows.
#   sh samples/derive-order.sh
set -eu
cd "$(dirname "$0")"
out=derived
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

# swap SRC A B NAME: frame A moved to just after frame B (A < B), the rest in order. mergecap -a
# concatenates without sorting, so the timestamps of the moved frame go backwards, as in a capture
# that reorders.
swap() {
    editcap -F pcap -r "$1" "$tmp/1.pcap" "1-$(($2 - 1))"
    editcap -F pcap -r "$1" "$tmp/2.pcap" "$2"
    editcap -F pcap -r "$1" "$tmp/3.pcap" "$(($2 + 1))-$3"
    editcap -F pcap -r "$1" "$tmp/4.pcap" "$(($3 + 1))-1000000"
    mergecap -F pcap -a -w "$out/$4" "$tmp/1.pcap" "$tmp/3.pcap" "$tmp/2.pcap" "$tmp/4.pcap"
}
# The RETR data connection's last segment (frame 95, 216 bytes) after the client's ACK of it (96).
swap pasv-curl.pcap 95 96 pasv-curl-ack-before-data.pcap
# The RETR command (frame 44) after the server's 150 that answers it (45).
swap pasv-curl.pcap 44 45 pasv-curl-reply-before-command.pcap
# The 227 of the LIST's PASV (frame 20) after the client's SYN to the port it announces (21).
swap pasv-curl.pcap 20 21 pasv-curl-syn-before-227.pcap

# Two taps, one per direction, the server's 0.2 ms late: mergecap sorts by time, so the client's
# ACKs come before the server's segments they acknowledge.
tshark -r pasv-curl.pcap -Y 'ip.src==192.0.2.10' -F pcap -w "$tmp/client.pcap"
tshark -r pasv-curl.pcap -Y 'ip.src==198.51.100.21 || arp' -F pcap -w "$tmp/server.pcap"
editcap -F pcap -t 0.0002 "$tmp/server.pcap" "$tmp/server-late.pcap"
mergecap -F pcap -w "$out/pasv-curl-two-taps-server-late.pcap" "$tmp/client.pcap" "$tmp/server-late.pcap"
# …1 ms late: the client's SYN of each data connection also comes before the server's 227.
editcap -F pcap -t 0.001 "$tmp/server.pcap" "$tmp/server-1ms.pcap"
mergecap -F pcap -w "$out/pasv-curl-two-taps-server-1ms-late.pcap" "$tmp/client.pcap" "$tmp/server-1ms.pcap"
# …and the client's tap 0.2 ms late: replies come before the commands they answer.
editcap -F pcap -t 0.0002 "$tmp/client.pcap" "$tmp/client-late.pcap"
mergecap -F pcap -w "$out/pasv-curl-two-taps-client-late.pcap" "$tmp/client-late.pcap" "$tmp/server.pcap"
