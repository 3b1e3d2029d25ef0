#!/usr/bin/env bash
# samples/record-port21.sh -- record port-to-21.pcap: an active-mode data connection whose
# destination is port 21 (issue 18 item 6). The client listens on its own port 21 and sends
# PORT 192.0.2.30,0,21; pyftpdlib (Debian python3-pyftpdlib, permit_privileged_ports=True;
# vsftpd refuses any PORT to a port below 1024: "500 OOPS: Illegal port request") connects to
# port 21 and sends readme.txt. That connection is FTP data of the PORT, not a new control session.
# Needs root, python3-pyftpdlib, tcpdump. Own namespaces (p21c, p21s) on a direct veth pair, so it
# never touches record.sh's.
set -euo pipefail
NS=p21 C=192.0.2.30 S=198.51.100.30
. "$(dirname "$0")/twohost.sh"

mkdir -p "$T/anon/pub"
gen "$T/anon/pub/readme.txt" 900 1 text

cat > "$T/pyftpd.py" <<PYEOF
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer
a = DummyAuthorizer()
a.add_anonymous("$T/anon")
FTPHandler.authorizer = a
FTPHandler.banner = "ftpscope test server (pyftpdlib) ready."
FTPHandler.permit_privileged_ports = True  # PORT to port 21 is refused otherwise
FTPServer(("$S", 21), FTPHandler).serve_forever()
PYEOF
ip netns exec p21s /usr/bin/python3 "$T/pyftpd.py" > "$T/pyftpd.log" 2>&1 & VS=$!
for i in $(seq 50); do ip netns exec p21s ss -Hltn 'sport = :21' | grep -q LISTEN && break; sleep 0.1; done

rm -f "$OUT/port-to-21.pcap"
ip netns exec p21s tcpdump -U -n -i p21s-eth0 -w "$OUT/port-to-21.pcap" 2>/dev/null & TD=$!
sleep 1
ip netns exec p21c /usr/bin/python3 - "$S" "$C" "$T/got.txt" <<'PYEOF'
import ftplib, socket, sys
server, me, out = sys.argv[1:]
ls = socket.socket()
ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind((me, 21)); ls.listen(1)
f = ftplib.FTP(server, timeout=10)
f.login()
print(f.sendcmd("TYPE I"))
print(f.sendcmd("PORT " + me.replace(".", ",") + ",0,21"))
f.putcmd("RETR /pub/readme.txt"); print(f.getresp())
conn, peer = ls.accept(); print("data connection from", peer)
data = b""
while True:
    b = conn.recv(65536)
    if not b: break
    data += b
conn.close(); print(f.getresp()); f.quit()
open(out, "wb").write(data)
PYEOF
sleep 1; kill $TD; wait $TD 2>/dev/null || true; TD=
sha256sum "$T/got.txt" "$T/anon/pub/readme.txt" >&2
