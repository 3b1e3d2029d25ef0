#!/usr/bin/env bash
# samples/record-bounce-scan.sh -- record a REAL nmap FTP bounce scan (nmap -b) on loopback.
#
#   sudo bash samples/record-bounce-scan.sh      # writes samples/nmap-bounce-scan.pcap
#
# No network namespaces: everything runs on the loopback interface only.
#   127.0.0.1:2121  vsftpd (anonymous login, port_promiscuous=YES: it accepts PORT to any host/port)
#   127.0.0.2       the scanned "third host": listeners on TCP 3022, 3080 and 3143 (python3), every
#                   other port of 3000-3199 answers the server's SYN with a reset
#   nmap            127.0.0.1 -> 127.0.0.1:2121, "nmap -b anonymous:x@127.0.0.1:2121 -p 3000-3199 127.0.0.2"
# nmap sends, per port p, "PORT 127,0,0,2,p/256,p%256" then "LIST"; vsftpd connects from
# 127.0.0.1 (an ephemeral port) to 127.0.0.2:p and answers 150 + 226 (open) or 425 (closed).
# Ports above 1023 only: Debian's vsftpd 3.0.3 ends the session with "500 OOPS: Illegal port
# request" for a PORT below 1024 even with port_promiscuous=YES (tried: nmap then reconnects for
# every port and reports them all "closed").
#
# Needs: vsftpd (a copy of the binary is run from the temp dir, with its config there), nmap,
# tcpdump, python3. KEEP_TMP=1 keeps the temp dir (vsftpd log, nmap output).
set -euo pipefail

OUT=$(cd "$(dirname "$0")" && pwd)/nmap-bounce-scan.pcap
T=$(mktemp -d /tmp/ftpscope-bounce.XXXXXX)
FTP_IP=127.0.0.1 FTP_PORT=2121 TARGET=127.0.0.2 OPEN_PORTS="3022 3080 3143" SCAN_PORTS=3000-3199
PIDS=()
cleanup() {
    set +e
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
    [ -n "${KEEP_TMP:-}" ] && echo "kept $T" >&2 || rm -rf "$T"
}
trap cleanup EXIT

# a listener of someone else's in the scanned range would be probed too: refuse to start
for port in $FTP_PORT $(seq ${SCAN_PORTS%-*} ${SCAN_PORTS#*-}); do
    if ss -Htln "sport = :$port" | grep -q .; then echo "port $port is in use" >&2; exit 1; fi
done

mkdir -p "$T/anon/pub" "$T/empty"
chmod 555 "$T/anon" "$T/empty"
echo "bounce scan sample" > "$T/anon/pub/readme.txt"
cp /usr/sbin/vsftpd "$T/vsftpd"
cat > "$T/vsftpd.conf" <<EOF
listen=YES
listen_ipv6=NO
listen_address=$FTP_IP
listen_port=$FTP_PORT
background=NO
anonymous_enable=YES
no_anon_password=YES
anon_root=$T/anon
local_enable=NO
write_enable=NO
port_enable=YES
port_promiscuous=YES
connect_from_port_20=NO
secure_chroot_dir=$T/empty
nopriv_user=nobody
xferlog_enable=NO
vsftpd_log_file=$T/vsftpd.log
dual_log_enable=NO
seccomp_sandbox=NO
max_per_ip=0
EOF

# the open ports on the target: accept, read the listing until the server closes, close
cat > "$T/listen.py" <<'EOF'
import socket, sys, threading
def serve(port):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((sys.argv[1], port)); s.listen(8)
    while True:
        c, _ = s.accept()
        while c.recv(65536): pass
        c.close()
for p in sys.argv[2:]:
    threading.Thread(target=serve, args=(int(p),), daemon=True).start()
threading.Event().wait()
EOF
python3 "$T/listen.py" $TARGET $OPEN_PORTS & PIDS+=($!)
"$T/vsftpd" "$T/vsftpd.conf" & PIDS+=($!)
sleep 1

tcpdump -i lo -s 0 -U -w "$T/scan.pcap" \
    "tcp and ((host $FTP_IP and port $FTP_PORT) or (src host $FTP_IP and dst host $TARGET) or (src host $TARGET and dst host $FTP_IP))" \
    2>"$T/tcpdump.err" & CAP=$!
PIDS+=($CAP)
sleep 1
nmap -n -Pn -r -b "anonymous:x@$FTP_IP:$FTP_PORT" -p "$SCAN_PORTS" $TARGET | tee "$T/nmap.txt" >&2
sleep 1
kill -INT "$CAP"; wait "$CAP" || true
cp "$T/scan.pcap" "$OUT"
capinfos -c "$OUT" >&2
