#!/usr/bin/env bash
# samples/record-auth-cleartext.sh -- record auth-then-cleartext.pcap (issue 18 item 9): vsftpd
# with ssl_enable=YES answers AUTH TLS with 234, and the client (Python ftplib, told to) goes on in
# cleartext instead of starting TLS. ftpscope must see that the bytes after the 234 are not TLS
# records and read them as FTP (the USER line is visible), not label them TLS.
# Needs root, vsftpd, openssl, tcpdump. Own namespaces (pacc, pacs) on a direct veth pair, so it
# never touches record.sh's.
set -euo pipefail
NS=pac C=192.0.2.30 S=198.51.100.30
. "$(dirname "$0")/twohost.sh"

mkdir -p "$T/anon/pub" /var/run/vsftpd/empty
gen "$T/anon/pub/readme.txt" 900 1 text
chmod -R a+rX "$T/anon"; chmod a-w "$T/anon"
openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=ftps.example.test" \
    -keyout "$T/key.pem" -out "$T/cert.pem" 2>/dev/null
cat > "$T/vsftpd.conf" <<VEOF
listen=YES
background=NO
anonymous_enable=YES
anon_root=$T/anon
no_anon_password=YES
local_enable=NO
ssl_enable=YES
allow_anon_ssl=YES
force_local_logins_ssl=NO
force_local_data_ssl=NO
rsa_cert_file=$T/cert.pem
rsa_private_key_file=$T/key.pem
pasv_min_port=40000
pasv_max_port=40100
seccomp_sandbox=NO
isolate_network=NO
secure_chroot_dir=/var/run/vsftpd/empty
ftpd_banner=ftpscope test server (vsftpd) ready.
VEOF
ip netns exec pacs vsftpd "$T/vsftpd.conf" > "$T/vsftpd.out" 2>&1 & VS=$!
for i in $(seq 50); do ip netns exec pacs ss -Hltn 'sport = :21' | grep -q LISTEN && break; sleep 0.1; done

rm -f "$OUT/auth-then-cleartext.pcap"
ip netns exec pacs tcpdump -U -n -i pacs-eth0 -w "$OUT/auth-then-cleartext.pcap" 2>/dev/null & TD=$!
sleep 1
# The client asks for TLS, gets 234, and then goes on in cleartext anyway (as a broken client or a
# proxy that strips TLS would): the server's TLS layer gets a USER line where a ClientHello belongs.
ip netns exec pacc /usr/bin/python3 - "$S" <<'PYEOF'
import ftplib, sys
f = ftplib.FTP(sys.argv[1], timeout=5)
print(f.getwelcome())
print(f.sendcmd("AUTH TLS"))
try:
    print(f.sendcmd("USER anonymous"))
    print(f.sendcmd("PASS guest@"))
    print(f.sendcmd("PASV"))
except Exception as e:
    print("after 234 in cleartext:", type(e).__name__, e)
PYEOF
sleep 1; kill $TD; wait $TD 2>/dev/null || true; TD=
