#!/usr/bin/env bash
# samples/record.sh -- record REAL FTP captures for ftpscope's tests.
#
# Everything in the capture files comes from real software (vsftpd, curl,
# lftp, Python ftplib) talking over veth pairs between network namespaces;
# no packet is written by hand.  Run as root on Debian 12:
#
#     sudo bash samples/record.sh                 # all scenarios
#     sudo ONLY="pasv_curl auth_tls" bash samples/record.sh   # a subset
#     bash samples/verify.sh    # check transfers.tsv against the captures
#
# KEEP_TMP=1 keeps the work dir (vsftpd logs, client copies) for debugging.
#
# Needs: iproute2 (ip, tc, ss), ethtool, iptables, tcpdump, tshark (dumpcap,
# capinfos), vsftpd, curl, lftp, openssl, python3 (stdlib only).
#
# Topology (all addresses are documentation ranges):
#
#   ns ftpc (clients)            ns ftpr (router)                 ns ftps (server)
#   c-eth0 192.0.2.10-.13/24 --- r-cli 192.0.2.1/24
#          2001:db8:1::10/64           2001:db8:1::1/64
#                                r-srv 198.51.100.1/24  --------- s-eth0 198.51.100.21/24
#                                      2001:db8:2::1/64                  198.51.100.22/24
#                                                                        2001:db8:2::21/64
#   203.0.113.5 = "third host" for bounce attempts (does not exist)
#   10.10.10.0/24 = bogus "private" PASV address, blackholed on the router
#   vlan.pcap only: ns ftpsw, a user-space 802.1Q "switch" between r-vl
#   (198.51.100.129/25) and s-vl (198.51.100.130/25), see vlan() below
#
# The script is idempotent: it deletes its namespaces, server tree
# (/srv/ftpscope) and the capture files it is about to write before starting.
set -euo pipefail

OUT=$(cd "$(dirname "$0")" && pwd)
SRV=/srv/ftpscope                 # server-side file tree (rebuilt per scenario)
ANON=$SRV/anon                    # anon_root
HOMEDIR=$SRV/home/ftpuser         # ftpuser's home (chroot)
TMPD=$(mktemp -d /tmp/ftpscope-rec.XXXXXX)
CF=$TMPD/client                   # client-side files to upload
RECV=$TMPD/recv                   # what the clients received
ROWS=$TMPD/rows                   # transfers.tsv fragments, one per capture
LOGS=$TMPD/logs
mkdir -p "$CF" "$RECV" "$ROWS" "$LOGS"

NS_C=ftpc NS_R=ftpr NS_S=ftps
C1=192.0.2.10 C2=192.0.2.11 C3=192.0.2.12 C4=192.0.2.13
S1=198.51.100.21 S2=198.51.100.22
C6=2001:db8:1::10 S6=2001:db8:2::21
THIRD=203.0.113.5
BOGUS_PASV=10.10.10.21

PY=${PYTHON:-$(command -v python3)}
CURL=(curl -sS --connect-timeout 5 --max-time 60)
USERPASS=ftpuser:ftpsecret

ALL_SCENARIOS="pasv_curl epsv_ftplib active_port ipv6_eprt_epsv long_session
nat_wrong_pasv firewall_blocks_pasv firewall_rejects_pasv bounce_port
lossy_transfers concurrent_clients auth_tls multiline_replies hostile_names
fmt_pcapng fmt_nanosecond fmt_any_sll2 fmt_snaplen96 vlan
mirror_long pasv_hijack port_hijack
reset_halfway server_unreachable tunnel_6in4
ftps_tls12_gcm ftps_tls12_chacha ftps_tls12_cbc ftps_tls13 ftps_ssl_reuse ftps_implicit
ftps_blocked_pasv ftps_ccc"
ONLY=${ONLY:-$ALL_SCENARIOS}
# every capture file, in transfers.tsv order
ALL_CAPTURES="pasv-curl.pcap epsv-ftplib.pcap active-port.pcap ipv6-eprt-epsv.pcap
long-session.pcap nat-wrong-pasv-address.pcap firewall-blocks-pasv.pcap
firewall-rejects-pasv.pcap bounce-port.pcap lossy-transfers.pcap
concurrent-clients.pcap auth-tls.pcap multiline-replies.pcap
hostile-names.pcap pasv-curl.pcapng pasv-nanosecond.pcap any-sll2.pcap
snaplen-96.pcap vlan.pcap
mirror-long.pcap pasv-hijack.pcap pasv-race.pcap pasv-hijack-refused.pcap port-hijack.pcap
reset-halfway.pcap server-unreachable.pcap tunnel-6in4.pcap
port-to-21.pcap
ftps-tls12-gcm.pcap ftps-tls12-chacha.pcap ftps-tls12-cbc.pcap ftps-tls13.pcap
ftps-ssl-reuse.pcap ftps-implicit.pcap ftps-blocked-pasv.pcap ftps-ccc.pcap"  # port-to-21.pcap: recorded by record-port21.sh, its row kept here

declare -a BG_PIDS=()
VSFTPD_PID=""
PYFTPD_PID=""
CAP_PID=""

log()  { printf '\n=== %s\n' "$*" >&2; }
note() { printf '    %s\n' "$*" >&2; }
c() { ip netns exec "$NS_C" "$@"; }
r() { ip netns exec "$NS_R" "$@"; }
s() { ip netns exec "$NS_S" "$@"; }

# ---------------------------------------------------------------- teardown
cleanup() {
    set +e
    [ -n "$CAP_PID" ] && kill -INT "$CAP_PID" 2>/dev/null
    [ -n "$VSFTPD_PID" ] && kill "$VSFTPD_PID" 2>/dev/null
    for p in "${BG_PIDS[@]}"; do kill "$p" 2>/dev/null; done
    for ns in $NS_C $NS_R $NS_S ftpsw; do
        # only processes started by this script live in these namespaces
        for p in $(ip netns pids "$ns" 2>/dev/null); do kill "$p" 2>/dev/null; done
    done
    sleep 0.3
    for ns in $NS_C $NS_R $NS_S ftpsw; do ip netns del "$ns" 2>/dev/null; done
    if [ -z "${KEEP_TMP:-}" ]; then rm -rf "$TMPD"; else echo "kept $TMPD" >&2; fi
}
trap cleanup EXIT

# ---------------------------------------------------------------- checks
preflight() {
    [ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }
    local t
    for t in ip tc ss ethtool iptables tcpdump tshark dumpcap capinfos \
             vsftpd curl lftp openssl useradd chpasswd; do
        command -v "$t" >/dev/null || { echo "missing tool: $t" >&2; exit 1; }
    done
    [ -x "$PY" ] || { echo "missing python3" >&2; exit 1; }
}

# ---------------------------------------------------------------- network
offloads_off() {  # ns ifname: wire-sized frames, real checksums in captures
    ip netns exec "$1" ethtool -K "$2" tso off gso off gro off tx off >/dev/null 2>&1 ||
        ip netns exec "$1" ethtool -K "$2" tso off gso off gro off >/dev/null
}

setup_net() {
    log "network namespaces"
    local ns
    for ns in $NS_C $NS_R $NS_S ftpsw; do ip netns del "$ns" 2>/dev/null || true; done
    for ns in $NS_C $NS_R $NS_S; do
        ip netns add "$ns"
        ip netns exec "$ns" ip link set lo up
        ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
        ip netns exec "$ns" sysctl -qw net.ipv6.conf.default.accept_ra=0 net.ipv6.conf.all.accept_ra=0
    done
    ip link add c-eth0 netns $NS_C type veth peer name r-cli netns $NS_R
    ip link add s-eth0 netns $NS_S type veth peer name r-srv netns $NS_R

    c ip addr add $C1/24 dev c-eth0
    c ip addr add $C2/24 dev c-eth0
    c ip addr add $C3/24 dev c-eth0
    c ip addr add $C4/24 dev c-eth0
    c ip -6 addr add $C6/64 dev c-eth0 nodad
    r ip addr add 192.0.2.1/24 dev r-cli
    r ip -6 addr add 2001:db8:1::1/64 dev r-cli nodad
    r ip addr add 198.51.100.1/24 dev r-srv
    r ip -6 addr add 2001:db8:2::1/64 dev r-srv nodad
    s ip addr add $S1/24 dev s-eth0
    s ip addr add $S2/24 dev s-eth0
    s ip -6 addr add $S6/64 dev s-eth0 nodad
    local pair
    for pair in "$NS_C c-eth0" "$NS_R r-cli" "$NS_R r-srv" "$NS_S s-eth0"; do
        set -- $pair
        ip netns exec "$1" ip link set "$2" up
        offloads_off "$1" "$2"
    done
    r sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
    c ip route add default via 192.0.2.1
    c ip -6 route add default via 2001:db8:1::1
    s ip route add default via 198.51.100.1
    s ip -6 route add default via 2001:db8:2::1
    sleep 1
}

router_reset() {   # undo any scenario-specific router tweaks
    r iptables -F; r iptables -t mangle -F
    r ip6tables -F
    r ip route del blackhole 10.10.10.0/24 2>/dev/null || true
    r tc qdisc del dev r-srv root 2>/dev/null || true
    r tc qdisc del dev r-cli root 2>/dev/null || true
}

# ---------------------------------------------------------------- files
ensure_user() {
    if ! id ftpuser >/dev/null 2>&1; then
        useradd -M -d "$HOMEDIR" -s /bin/bash ftpuser
    fi
    usermod -d "$HOMEDIR" -s /bin/bash ftpuser 2>/dev/null || true
    echo 'ftpuser:ftpsecret' | chpasswd
}

gen() {  # gen FILE SIZE SEED text|bin  -- deterministic content
    "$PY" - "$@" <<'EOF'
import random, sys
path, size, seed, kind = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rnd = random.Random(seed)
if kind == "bin":
    data = bytes(rnd.getrandbits(8) for _ in range(size))
else:
    words = ("ftp data control passive active port reply transfer server client "
             "stream binary ascii listing directory packet segment window retransmit "
             "capture analyzer session greeting anonymous upload download").split()
    out, line = [], []
    n = 0
    while n < size:
        w = rnd.choice(words)
        line.append(w)
        if len(line) >= rnd.randint(6, 12):
            s = " ".join(line) + "\r\n" if seed % 2 else " ".join(line) + "\n"
            out.append(s); n += len(s); line = []
    data = "".join(out).encode()[:size]
open(path, "wb").write(data)
EOF
}

make_client_files() {
    gen "$CF/up-20k.bin"      20000 20  bin
    gen "$CF/up-6k.txt"        6000 6   text
    gen "$CF/up-250k.bin"    250000 250 bin
    gen "$CF/up-150k.bin"    150000 150 bin
    gen "$CF/append-chunk.txt" 1500 15  text
    gen "$CF/tmp-note.txt"      700 7   text
    touch -d '2024-03-02 08:30:00 UTC' "$CF"/*
}

PUBFILES="readme.txt small.bin notes-48k.txt medium-120k.bin text-200k.txt large-300k.bin"
make_server_tree() {  # fresh, deterministic server tree
    rm -rf "$SRV"
    mkdir -p "$ANON/pub" "$ANON/incoming" "$HOMEDIR/pub" "$HOMEDIR/upload"
    local d=$TMPD/pubsrc
    if [ ! -d "$d" ]; then
        mkdir -p "$d"
        gen "$d/readme.txt"         900 1    text
        gen "$d/small.bin"          512 512  bin
        gen "$d/notes-48k.txt"    48000 48   text
        gen "$d/medium-120k.bin" 120000 120  bin
        gen "$d/text-200k.txt"   200000 201  text
        gen "$d/large-300k.bin"  300000 300  bin
    fi
    cp "$d"/* "$ANON/pub/"; cp "$d"/* "$HOMEDIR/pub/"
    chown -R root:root "$ANON"; chmod 755 "$ANON" "$ANON/pub"
    chown ftp:ftp "$ANON/incoming"; chmod 755 "$ANON/incoming"
    chown -R ftpuser:ftpuser "$SRV/home/ftpuser"; chmod 755 "$SRV" "$SRV/home"
    find "$SRV" -exec touch -h -d '2024-03-01 12:00:00 UTC' {} +
}

# ---------------------------------------------------------------- vsftpd
# vsftpd_start NAME [extra config lines...]
vsftpd_start() {
    local name=$1; shift
    local conf=$TMPD/vsftpd-$name.conf
    cat > "$conf" <<EOF
listen=YES
listen_ipv6=NO
background=NO
anonymous_enable=YES
anon_root=$ANON
no_anon_password=NO
local_enable=YES
write_enable=YES
local_umask=022
anon_upload_enable=YES
anon_mkdir_write_enable=YES
anon_umask=022
chroot_local_user=YES
allow_writeable_chroot=YES
hide_ids=YES
use_localtime=NO
pasv_enable=YES
pasv_min_port=40000
pasv_max_port=40100
connect_from_port_20=NO
seccomp_sandbox=NO
isolate_network=NO
secure_chroot_dir=/var/run/vsftpd/empty
pam_service_name=vsftpd
ftpd_banner=ftpscope test server (vsftpd) ready.
xferlog_enable=YES
log_ftp_protocol=YES
dual_log_enable=YES
xferlog_file=$LOGS/$name.xferlog
vsftpd_log_file=$LOGS/$name.vsftpd.log
EOF
    local l
    for l in "$@"; do   # later lines override earlier ones
        local key=${l%%=*}
        sed -i "/^$key=/d" "$conf"
        echo "$l" >> "$conf"
    done
    s vsftpd "$conf" > "$LOGS/$name.vsftpd.out" 2>&1 &
    VSFTPD_PID=$!
    local i port
    port=$(sed -n 's/^listen_port=//p' "$conf"); port=${port:-21}
    for i in $(seq 50); do
        s ss -Hltn "sport = :$port" | grep -q LISTEN && return 0
        kill -0 "$VSFTPD_PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "vsftpd did not start:" >&2; cat "$LOGS/$name.vsftpd.out" >&2; exit 1
}

vsftpd_stop() {
    [ -n "$VSFTPD_PID" ] || return 0
    kill "$VSFTPD_PID" 2>/dev/null || true
    wait "$VSFTPD_PID" 2>/dev/null || true
    VSFTPD_PID=""
    # leftover session processes (e.g. stuck waiting for a data connection)
    local p
    for p in $(ip netns pids $NS_S); do
        [ "$(cat /proc/$p/comm 2>/dev/null)" = vsftpd ] && kill "$p" 2>/dev/null
    done
    sleep 0.2
}

# ---------------------------------------------------------------- capture
# cap_start FILE NS IFACE [extra tcpdump args...]
cap_start() {
    local file=$1 ns=$2 ifc=$3; shift 3
    rm -f "$OUT/$file"
    ip netns exec "$ns" tcpdump -U -n -Z root -i "$ifc" "$@" -w "$OUT/$file" \
        2> "$LOGS/$file.tcpdump" &
    CAP_PID=$!
    wait_for "$LOGS/$file.tcpdump" "listening on"
    note "capturing $file on $ns/$ifc"
}

# dumpcap variant (pcapng with interface description block options)
cap_start_dumpcap() {
    local file=$1 ns=$2 ifc=$3; shift 3
    rm -f "$OUT/$file"
    ip netns exec "$ns" dumpcap -i "$ifc" "$@" -w "$OUT/$file" 2> "$LOGS/$file.dumpcap" &
    CAP_PID=$!
    wait_for "$LOGS/$file.dumpcap" "Capturing on"
    note "capturing $file on $ns/$ifc (dumpcap)"
}

wait_for() {
    local i
    for i in $(seq 100); do grep -q "$2" "$1" 2>/dev/null && { sleep 0.2; return 0; }; sleep 0.05; done
    echo "capture did not start: $(cat "$1")" >&2; exit 1
}

cap_stop() {
    sleep 1                       # let FINs/ACKs arrive
    kill -INT "$CAP_PID"; wait "$CAP_PID" 2>/dev/null || true
    CAP_PID=""
}

# ---------------------------------------------------------------- transfers.tsv
# row CAPTURE CLIENT COMMAND FTP-PATH FILE [NOTE] [OFFSET]
#   FILE: the bytes that crossed the data connection, as they exist on disk
#   (server file; or, for a file changed later in the session, the client copy).
#   OFFSET: for REST transfers, the bytes from OFFSET to the end.
row() {
    local cap=$1 client=$2 cmd=$3 path=$4 file=$5 notes=${6:-} off=${7:-0}
    local size sha
    size=$(( $(stat -c %s "$file") - off ))
    sha=$(tail -c +$((off + 1)) "$file" | sha256sum | cut -d' ' -f1)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$cap" "$client" "$cmd" "$path" "$size" "$sha" "$notes" \
        >> "$ROWS/$cap"
}

# curl converts CRLF to LF when it saves a TYPE A (listing) download; vsftpd
# sends CRLF lines, so put the CRs back to get the bytes that were on the wire.
wire_listing() { sed 's/\r*$/\r/' "$1" > "$1.wire"; echo "$1.wire"; }
CURL_LIST_NOTE="listing; curl's saved output with CRLF line ends restored (= data-connection bytes)"

same() {  # same FILE1 FILE2: warn loudly if a client copy differs from the server copy
    if ! cmp -s "$1" "$2"; then echo "!!! MISMATCH: $1 vs $2" >&2; MISMATCH=1; fi
}
MISMATCH=0

write_tsv() {
    local tsv=$OUT/transfers.tsv new=$TMPD/transfers.tsv cap
    printf 'capture\tclient\tcommand\tpath\tbytes\tsha256\tnote\n' > "$new"
    for cap in $ALL_CAPTURES; do
        if [ -e "$TMPD/ran-$cap" ]; then
            [ -f "$ROWS/$cap" ] && cat "$ROWS/$cap" >> "$new"
        elif [ -f "$tsv" ]; then
            awk -F'\t' -v c="$cap" 'NR > 1 && $1 == c' "$tsv" >> "$new"
        fi
    done
    cp "$new" "$tsv"
}

begin() {  # begin CAPTURE: common per-scenario reset
    log "$1"
    touch "$TMPD/ran-$1"
    rm -f "$ROWS/$1"
    router_reset
    make_server_tree
    mkdir -p "$RECV/$1"
}

# ---------------------------------------------------------------- python client
write_pyclient() {
cat > "$TMPD/ftpc.py" <<'EOF'
"""ftplib-based clients for record.sh (Python stdlib only)."""
import ftplib, os, socket, sys

S1, C1 = "198.51.100.21", "192.0.2.10"
mode, recv, cf = sys.argv[1], sys.argv[2], sys.argv[3]

def save(name, data):
    with open(os.path.join(recv, name), "wb") as f:
        f.write(data)

def get(ftp, cmd, rest=None):
    buf = bytearray()
    ftp.retrbinary(cmd, buf.extend, rest=rest)
    return bytes(buf)

def raw_list(ftp, cmd):
    """LIST/NLST bytes exactly as received (TYPE A, like retrlines)."""
    ftp.sendcmd("TYPE A")
    buf = bytearray()
    with ftp.transfercmd(cmd) as conn:
        while True:
            b = conn.recv(8192)
            if not b:
                break
            buf.extend(b)
    ftp.voidresp()
    return bytes(buf)

def put(ftp, cmd, path):
    with open(path, "rb") as f:
        return ftp.storbinary(cmd, f)

def try_cmd(ftp, cmd):
    try:
        r = ftp.sendcmd(cmd)
    except ftplib.all_errors as e:
        r = "ERR %s" % e
    print("  %-28s -> %s" % (cmd, r.splitlines()[0] if r else r))
    return r

class EpsvFTP(ftplib.FTP):
    """ftplib only uses EPSV over IPv6; force it over IPv4."""
    def makepasv(self):
        return ftplib.parse229(self.sendcmd("EPSV"), self.sock.getpeername())

def login(cls=ftplib.FTP, user="ftpuser", pw="ftpsecret", src=None, timeout=10):
    ftp = cls(timeout=timeout, source_address=src)
    ftp.connect(S1, 21)
    ftp.login(user, pw)
    return ftp

if mode == "epsv":
    ftp = login(EpsvFTP)
    save("notes-48k.txt", get(ftp, "RETR pub/notes-48k.txt"))
    save("list-pub.txt", raw_list(ftp, "LIST pub"))
    put(ftp, "STOR upload/epsv-up.txt", os.path.join(cf, "up-6k.txt"))
    ftp.quit()

elif mode == "long":
    ftp = login()
    for cmd in ("SYST", "PWD", "NOOP", "CWD pub", "PWD", "TYPE A", "SIZE readme.txt"):
        try_cmd(ftp, cmd)
    save("list-pub.txt", raw_list(ftp, "LIST"))
    save("nlst-pub.txt", raw_list(ftp, "NLST"))
    try:
        print("  MLSD:", list(ftp.mlsd()))
    except ftplib.all_errors as e:
        print("  MLSD -> ERR", e)
    for cmd in ("TYPE I", "SIZE large-300k.bin", "MDTM large-300k.bin", "MODE S", "STRU F"):
        try_cmd(ftp, cmd)
    save("readme.txt", get(ftp, "RETR readme.txt"))
    save("small.bin", get(ftp, "RETR small.bin"))
    save("notes-48k.txt", get(ftp, "RETR notes-48k.txt"))
    save("medium-120k.bin.rest100000", get(ftp, "RETR medium-120k.bin", rest=100000))
    # start a download and abort it (IAC IP/IAC DM urgent data + ABOR)
    conn = ftp.transfercmd("RETR large-300k.bin")
    part = conn.recv(4096)
    print("  partial RETR got", len(part), "bytes, aborting")
    try:
        print("  ABOR ->", ftp.abort())
    except ftplib.all_errors as e:
        print("  ABOR -> ERR", e)
    conn.close()
    try:
        print("  after ABOR:", ftp.getresp())
    except ftplib.all_errors as e:
        print("  after ABOR: ERR", e)
    try_cmd(ftp, "CDUP")
    try_cmd(ftp, "PWD")
    try_cmd(ftp, "CWD upload")
    try_cmd(ftp, "MKD newdir")
    try_cmd(ftp, "CWD newdir")
    put(ftp, "STOR a.txt", os.path.join(cf, "up-6k.txt"))
    put(ftp, "STOR b.bin", os.path.join(cf, "up-20k.bin"))
    put(ftp, "APPE a.txt", os.path.join(cf, "append-chunk.txt"))
    try_cmd(ftp, "SIZE a.txt")
    try_cmd(ftp, "CDUP")
    try_cmd(ftp, "RNFR newdir/b.bin")
    try_cmd(ftp, "RNTO newdir/b-renamed.bin")
    put(ftp, "STOR tmp-note.txt", os.path.join(cf, "tmp-note.txt"))
    try_cmd(ftp, "DELE tmp-note.txt")
    try_cmd(ftp, "DELE does-not-exist.txt")
    save("list-newdir.txt", raw_list(ftp, "LIST newdir"))
    save("b-renamed.bin", get(ftp, "RETR newdir/b-renamed.bin"))
    try_cmd(ftp, "MKD empty")
    try_cmd(ftp, "RMD empty")
    try_cmd(ftp, "SITE CHMOD 600 newdir/a.txt")
    try_cmd(ftp, "CWD /no/such/dir")
    try_cmd(ftp, "XYZZY")
    print("  QUIT ->", ftp.quit())

elif mode == "nat-default":
    ftp = login(user="anonymous", pw="nat-default@", timeout=5)
    save("readme.txt", get(ftp, "RETR pub/readme.txt"))
    ftp.quit()

elif mode == "nat-trust":
    ftp = login(user="anonymous", pw="nat-trust@", timeout=5)
    ftp.trust_server_pasv_ipv4_address = True
    try:
        get(ftp, "RETR pub/small.bin")
        print("  unexpected success")
    except (OSError, ftplib.Error) as e:
        print("  trusted PASV address failed as expected:", repr(e))
    ftp.quit()

elif mode == "fw":
    ftp = login(timeout=5)
    try:
        raw_list(ftp, "LIST pub")
        print("  unexpected success")
    except (OSError, ftplib.Error) as e:
        print("  data connection failed as expected:", repr(e))
    try:
        print("  QUIT ->", ftp.quit())
    except (OSError, ftplib.Error) as e:
        print("  QUIT failed:", repr(e))

elif mode == "bounce":
    ftp = login()
    try_cmd(ftp, "PORT 203,0,113,5,17,92")          # third host, port 4444
    try_cmd(ftp, "RETR pub/readme.txt")             # no valid PORT/PASV yet
    try_cmd(ftp, "EPRT |1|203.0.113.5|4444|")       # same via EPRT
    try_cmd(ftp, "PORT 192,0,2,10,0,25")            # client itself, privileged port 25
    try_cmd(ftp, "EPRT |1|192.0.2.10|25|")
    try_cmd(ftp, "PORT 192,0,2,11,17,92")           # another client address
    try_cmd(ftp, "PORT 999,0,2,10,17,92")           # malformed
    # a legitimate active transfer for contrast (PORT to our own ephemeral port)
    ftp.set_pasv(False)
    save("list-pub.txt", raw_list(ftp, "LIST pub"))
    ftp.quit()

elif mode == "multiline":
    ftp = ftplib.FTP(timeout=10)
    print(ftp.connect(S1, 21))
    ftp.login("anonymous", "multiline@")
    for cmd in ("FEAT", "HELP", "SITE HELP", "STAT", "STAT pub", "SYST", "OPTS UTF8 ON"):
        r = try_cmd(ftp, cmd)
    save("readme.txt", get(ftp, "RETR pub/readme.txt"))
    try_cmd(ftp, "STAT")
    ftp.quit()

elif mode == "hostile":
    names = ["<img src=x onerror=alert(1)>.txt", "../../etc/passwd", "..\\..\\win.ini",
             "a\"b'c&d.txt", "CON", "x" * 196 + ".txt",
             "r\u00e9sum\u00e9 \u65e5\u672c.txt", " leading-space.txt", "semi;colon|pipe$(id).txt"]
    ftp = login()
    ftp.encoding = "utf-8"
    ftp.cwd("upload")
    res = open(os.path.join(recv, "results.tsv"), "w", encoding="utf-8")
    for i, name in enumerate(names):
        src = os.path.join(recv, "src-%d" % i)
        with open(src, "wb") as f:
            f.write(("hostile name test #%d\nname=%r\n" % (i, name)).encode() * (i + 1))
        try:
            stor = put(ftp, "STOR " + name, src)
        except ftplib.all_errors as e:
            stor = "ERR %s" % e
        try:
            data = get(ftp, "RETR " + name)
            save("got-%d" % i, data)
            retr = "OK %d bytes" % len(data)
        except ftplib.all_errors as e:
            retr = "ERR %s" % e
        print("  %r: STOR %s / RETR %s" % (name, stor, retr))
        res.write("%d\t%s\t%s\t%s\n" % (i, name, stor.replace("\t", " "), retr.replace("\t", " ")))
    res.close()
    ftp.quit()

elif mode == "tls":
    import ssl
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE          # self-signed test certificate
    ctx.keylog_filename = sys.argv[4]        # NSS key log, lets Wireshark decrypt
    ftp = ftplib.FTP_TLS(context=ctx, timeout=10)
    ftp.connect(S1, 21)
    ftp.login("ftpuser", "ftpsecret")        # sends AUTH TLS first
    ftp.prot_p()                             # PBSZ 0 + PROT P
    save("readme.txt", get(ftp, "RETR pub/readme.txt"))
    put(ftp, "STOR upload/tls-up.txt", os.path.join(cf, "up-6k.txt"))
    ftp.quit()

elif mode == "concurrent":
    ftp = login(user="anonymous", pw="concurrent@", src=("192.0.2.12", 0), timeout=30)
    save("medium-120k.bin", get(ftp, "RETR pub/medium-120k.bin"))
    ftp.quit()

else:
    sys.exit("unknown mode " + mode)
EOF
}

pyc() {  # pyc MODE CAPTURE [EXTRA]
    c "$PY" "$TMPD/ftpc.py" "$1" "$RECV/$2" "$CF" "${@:3}"
}

# ================================================================ scenarios

pasv_curl() {
    local cap=pasv-curl.pcap R=$RECV/pasv-curl.pcap
    begin $cap
    vsftpd_start pasv
    cap_start $cap $NS_S s-eth0
    # one control connection: LIST then RETR (curl reuses the connection)
    c "${CURL[@]}" --disable-epsv -u $USERPASS \
        "ftp://$S1/pub/" -o "$R/list-pub.txt" \
        "ftp://$S1/pub/notes-48k.txt" -o "$R/notes-48k.txt"
    c "${CURL[@]}" --disable-epsv -u $USERPASS -T "$CF/up-20k.bin" "ftp://$S1/upload/"
    cap_stop; vsftpd_stop
    same "$R/notes-48k.txt" "$HOMEDIR/pub/notes-48k.txt"
    same "$CF/up-20k.bin" "$HOMEDIR/upload/up-20k.bin"
    row $cap "curl $C1" LIST /pub/ "$(wire_listing "$R/list-pub.txt")" "$CURL_LIST_NOTE"
    row $cap "curl $C1" RETR /pub/notes-48k.txt "$HOMEDIR/pub/notes-48k.txt"
    row $cap "curl $C1" STOR /upload/up-20k.bin "$HOMEDIR/upload/up-20k.bin"
}

epsv_ftplib() {
    local cap=epsv-ftplib.pcap R=$RECV/epsv-ftplib.pcap
    begin $cap
    vsftpd_start epsv
    cap_start $cap $NS_S s-eth0
    pyc epsv $cap
    cap_stop; vsftpd_stop
    same "$R/notes-48k.txt" "$HOMEDIR/pub/notes-48k.txt"
    same "$CF/up-6k.txt" "$HOMEDIR/upload/epsv-up.txt"
    row $cap "ftplib $C1" RETR /pub/notes-48k.txt "$HOMEDIR/pub/notes-48k.txt"
    row $cap "ftplib $C1" LIST /pub "$R/list-pub.txt" "directory listing as received by ftplib"
    row $cap "ftplib $C1" STOR /upload/epsv-up.txt "$HOMEDIR/upload/epsv-up.txt"
}

active_port() {
    local cap=active-port.pcap R=$RECV/active-port.pcap
    begin $cap
    vsftpd_start active connect_from_port_20=YES
    cap_start $cap $NS_S s-eth0
    c "${CURL[@]}" -P $C1 --disable-eprt -u $USERPASS \
        "ftp://$S1/pub/" -o "$R/list-pub.txt" \
        "ftp://$S1/pub/readme.txt" -o "$R/readme.txt"
    c "${CURL[@]}" -P $C1 --disable-eprt -u $USERPASS -T "$CF/up-20k.bin" "ftp://$S1/upload/"
    mkdir -p "$R/lftp"
    c timeout 30 lftp -u $USERPASS -e "set ftp:passive-mode off; set cmd:fail-exit no; \
        set net:max-retries 1; lcd $R/lftp; cls -l pub; get pub/small.bin; \
        put -O upload $CF/up-6k.txt; bye" "ftp://$S1" > "$R/lftp.out" 2>&1
    cap_stop; vsftpd_stop
    same "$R/readme.txt" "$HOMEDIR/pub/readme.txt"
    same "$R/lftp/small.bin" "$HOMEDIR/pub/small.bin"
    same "$CF/up-20k.bin" "$HOMEDIR/upload/up-20k.bin"
    same "$CF/up-6k.txt" "$HOMEDIR/upload/up-6k.txt"
    row $cap "curl $C1" LIST /pub/ "$(wire_listing "$R/list-pub.txt")" "PORT; $CURL_LIST_NOTE"
    row $cap "curl $C1" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt" "PORT"
    row $cap "curl $C1" STOR /upload/up-20k.bin "$HOMEDIR/upload/up-20k.bin" "PORT"
    row $cap "lftp $C1" RETR /pub/small.bin "$HOMEDIR/pub/small.bin" "PORT"
    row $cap "lftp $C1" STOR /upload/up-6k.txt "$HOMEDIR/upload/up-6k.txt" "PORT"
}

ipv6_eprt_epsv() {
    local cap=ipv6-eprt-epsv.pcap R=$RECV/ipv6-eprt-epsv.pcap
    begin $cap
    vsftpd_start ipv6 listen=NO listen_ipv6=YES
    cap_start $cap $NS_S s-eth0
    # EPSV (curl's default passive command)
    c "${CURL[@]}" -g -u $USERPASS \
        "ftp://[$S6]/pub/" -o "$R/list-epsv.txt" \
        "ftp://[$S6]/pub/notes-48k.txt" -o "$R/notes-48k.txt"
    # EPRT (active; '-' = the control connection's local address)
    c "${CURL[@]}" -g -P - -u $USERPASS \
        "ftp://[$S6]/pub/" -o "$R/list-eprt.txt" \
        "ftp://[$S6]/pub/readme.txt" -o "$R/readme.txt"
    c "${CURL[@]}" -g -P - -u $USERPASS -T "$CF/up-6k.txt" "ftp://[$S6]/upload/"
    cap_stop; vsftpd_stop
    same "$R/notes-48k.txt" "$HOMEDIR/pub/notes-48k.txt"
    same "$R/readme.txt" "$HOMEDIR/pub/readme.txt"
    same "$CF/up-6k.txt" "$HOMEDIR/upload/up-6k.txt"
    row $cap "curl $C6" LIST /pub/ "$(wire_listing "$R/list-epsv.txt")" "EPSV; $CURL_LIST_NOTE"
    row $cap "curl $C6" RETR /pub/notes-48k.txt "$HOMEDIR/pub/notes-48k.txt" "EPSV"
    row $cap "curl $C6" LIST /pub/ "$(wire_listing "$R/list-eprt.txt")" "EPRT; $CURL_LIST_NOTE"
    row $cap "curl $C6" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt" "EPRT"
    row $cap "curl $C6" STOR /upload/up-6k.txt "$HOMEDIR/upload/up-6k.txt" "EPRT"
}

long_session() {
    local cap=long-session.pcap R=$RECV/long-session.pcap
    begin $cap
    vsftpd_start long async_abor_enable=YES
    cap_start $cap $NS_S s-eth0
    pyc long $cap
    cap_stop; vsftpd_stop
    local P=$HOMEDIR/pub U=$HOMEDIR/upload
    same "$R/readme.txt" "$P/readme.txt"; same "$R/small.bin" "$P/small.bin"
    same "$R/notes-48k.txt" "$P/notes-48k.txt"; same "$R/b-renamed.bin" "$U/newdir/b-renamed.bin"
    cat "$CF/up-6k.txt" "$CF/append-chunk.txt" | cmp -s - "$U/newdir/a.txt" || { echo "!!! APPE mismatch" >&2; MISMATCH=1; }
    tail -c +100001 "$P/medium-120k.bin" | cmp -s - "$R/medium-120k.bin.rest100000" || { echo "!!! REST mismatch" >&2; MISMATCH=1; }
    row $cap "ftplib $C1" LIST /pub "$R/list-pub.txt" "listing as received by ftplib"
    row $cap "ftplib $C1" NLST /pub "$R/nlst-pub.txt" "name list as received by ftplib"
    row $cap "ftplib $C1" RETR /pub/readme.txt "$P/readme.txt"
    row $cap "ftplib $C1" RETR /pub/small.bin "$P/small.bin"
    row $cap "ftplib $C1" RETR /pub/notes-48k.txt "$P/notes-48k.txt"
    row $cap "ftplib $C1" RETR /pub/medium-120k.bin "$P/medium-120k.bin" "REST 100000: last 20000 bytes of a 120000-byte file" 100000
    row $cap "ftplib $C1" STOR /upload/newdir/a.txt "$CF/up-6k.txt" "later APPEnded; final file = this + the APPE bytes"
    row $cap "ftplib $C1" STOR /upload/newdir/b.bin "$U/newdir/b-renamed.bin" "renamed to /upload/newdir/b-renamed.bin later"
    row $cap "ftplib $C1" APPE /upload/newdir/a.txt "$CF/append-chunk.txt" "bytes appended; final a.txt is $(stat -c %s "$U/newdir/a.txt") bytes sha256 $(sha256sum < "$U/newdir/a.txt" | cut -c1-64)"
    row $cap "ftplib $C1" STOR /upload/tmp-note.txt "$CF/tmp-note.txt" "deleted (DELE) later in the session"
    row $cap "ftplib $C1" LIST /upload/newdir "$R/list-newdir.txt" "listing as received by ftplib"
    row $cap "ftplib $C1" RETR /upload/newdir/b-renamed.bin "$U/newdir/b-renamed.bin"
}

nat_wrong_pasv() {
    local cap=nat-wrong-pasv-address.pcap R=$RECV/nat-wrong-pasv-address.pcap
    begin $cap
    r ip route add blackhole 10.10.10.0/24
    vsftpd_start nat pasv_address=$BOGUS_PASV pasv_addr_resolve=NO
    # client-side view: the router silently drops SYNs to 10.10.10.21
    cap_start $cap $NS_R r-cli
    # 1) curl ignores the 227 address (default --ftp-skip-pasv-ip) -> works
    c "${CURL[@]}" --disable-epsv -u $USERPASS "ftp://$S1/pub/readme.txt" -o "$R/readme-curl.txt"
    # 2) Python ftplib ignores it by default (trust_server_pasv_ipv4_address=False) -> works
    pyc nat-default $cap
    # 3) Python ftplib told to trust it -> SYN to 10.10.10.21, no answer, 5 s timeout
    pyc nat-trust $cap
    # 4) lftp with ftp:fix-pasv-address off -> same
    c timeout 40 lftp -e "set ftp:fix-pasv-address no; set ftp:prefer-epsv no; set net:timeout 5; \
        set net:max-retries 1; set net:persist-retries 0; set cmd:fail-exit no; \
        set net:reconnect-interval-base 2; set net:reconnect-interval-max 2; \
        cls pub; bye" -u anonymous,lftp@ "ftp://$S1" > "$R/lftp.out" 2>&1 || true
    cap_stop; vsftpd_stop
    cp "$R/readme.txt" "$R/readme-ftplib.txt"
    same "$R/readme-curl.txt" "$HOMEDIR/pub/readme.txt"
    same "$R/readme-ftplib.txt" "$ANON/pub/readme.txt"
    row $cap "curl $C1" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt" "227 names 10.10.10.21; curl used 198.51.100.21"
    row $cap "ftplib $C1" RETR /pub/readme.txt "$ANON/pub/readme.txt" "anonymous; 227 names 10.10.10.21; ftplib used 198.51.100.21"
}

firewall_common() {  # firewall_common CAPTURE IPTABLES-TARGET...
    local cap=$1; shift
    local R=$RECV/$cap
    begin $cap
    r iptables -A FORWARD -p tcp -d $S1 --dport 40000:40100 -j "$@"
    vsftpd_start fw
    cap_start $cap $NS_R r-cli
    # curl: EPSV, then the data connection cannot be set up
    c "${CURL[@]}" -u $USERPASS "ftp://$S1/pub/" -o "$R/list.txt" > "$R/curl.out" 2>&1 || true
    # ftplib: PASV, 5 s timeout, then QUIT
    pyc fw $cap || true
    cap_stop; vsftpd_stop
    cat "$R/curl.out" >&2
}
firewall_blocks_pasv()  { firewall_common firewall-blocks-pasv.pcap DROP; }
firewall_rejects_pasv() { firewall_common firewall-rejects-pasv.pcap REJECT --reject-with tcp-reset; }

bounce_port() {
    local cap=bounce-port.pcap R=$RECV/bounce-port.pcap
    begin $cap
    vsftpd_start bounce
    cap_start $cap $NS_S s-eth0
    pyc bounce $cap
    # curl asked to use the third host's address for PORT: it has to bind() it locally
    c "${CURL[@]}" -P $THIRD --disable-eprt -u $USERPASS "ftp://$S1/pub/readme.txt" \
        -o "$R/readme.txt" > "$R/curl.out" 2>&1 || true
    cap_stop; vsftpd_stop
    cat "$R/curl.out" >&2
    row $cap "ftplib $C1" LIST /pub "$R/list-pub.txt" "the one accepted PORT; listing as received by ftplib"
}

lossy_transfers() {
    local cap=lossy-transfers.pcap R=$RECV/lossy-transfers.pcap
    begin $cap
    # no sch_netem in this kernel: use netfilter + HTB instead (see README)
    #  * 3 % random loss in both directions (iptables statistic + DROP)
    #  * ~1 % duplicates (iptables TEE clones the packet to the same next hop)
    #  * the link is shaped to 20 Mbit/s (HTB, ~0.6 ms per full frame), and
#  * reordering: ~5 % of packets go through a slower 5 Mbit/s HTB class
#    (~2.4 ms per full frame), so they arrive a few segments late
    local ifc gw
    for ifc in r-srv r-cli; do
        [ $ifc = r-srv ] && gw=$S1 || gw=$C1
        r iptables -A FORWARD -o $ifc -p tcp -m statistic --mode random --probability 0.03 -j DROP
        r iptables -t mangle -A POSTROUTING -o $ifc -p tcp -m statistic --mode random \
            --probability 0.01 -j TEE --gateway $gw
        r iptables -t mangle -A POSTROUTING -o $ifc -p tcp -m statistic --mode random \
            --probability 0.05 -j CLASSIFY --set-class 1:20
        r tc qdisc add dev $ifc root handle 1: htb default 10
        r tc class add dev $ifc parent 1: classid 1:10 htb rate 20mbit ceil 20mbit
        r tc class add dev $ifc parent 1: classid 1:20 htb rate 5mbit ceil 5mbit
    done
    vsftpd_start lossy
    cap_start $cap $NS_S s-eth0
    c "${CURL[@]}" --max-time 120 -u $USERPASS "ftp://$S1/pub/large-300k.bin" -o "$R/large-300k.bin"
    c "${CURL[@]}" --max-time 120 -u $USERPASS -T "$CF/up-250k.bin" "ftp://$S1/upload/"
    cap_stop; vsftpd_stop
    router_reset
    same "$R/large-300k.bin" "$HOMEDIR/pub/large-300k.bin"
    same "$CF/up-250k.bin" "$HOMEDIR/upload/up-250k.bin"
    row $cap "curl $C1" RETR /pub/large-300k.bin "$HOMEDIR/pub/large-300k.bin" "EPSV; lossy path"
    row $cap "curl $C1" STOR /upload/up-250k.bin "$HOMEDIR/upload/up-250k.bin" "EPSV; lossy path"
}

concurrent_clients() {
    local cap=concurrent-clients.pcap R=$RECV/concurrent-clients.pcap
    begin $cap
    # rate-limit so the four sessions overlap for ~1 s
    vsftpd_start concurrent local_max_rate=150000 anon_max_rate=150000
    cap_start $cap $NS_S s-eth0
    local pids=()
    c "${CURL[@]}" --interface $C1 -u $USERPASS "ftp://$S1/pub/text-200k.txt" -o "$R/text-200k.txt" & pids+=($!)
    c "${CURL[@]}" --interface $C2 -u $USERPASS -T "$CF/up-150k.bin" "ftp://$S1/upload/" & pids+=($!)
    pyc concurrent $cap & pids+=($!)
    mkdir -p "$R/lftp"
    c timeout 60 lftp -e "set net:socket-bind-ipv4 $C4; lcd $R/lftp; get pub/large-300k.bin; bye" \
        -u anonymous,lftp@ "ftp://$S1" > "$R/lftp.out" 2>&1 & pids+=($!)
    wait "${pids[@]}"
    cap_stop; vsftpd_stop
    same "$R/text-200k.txt" "$HOMEDIR/pub/text-200k.txt"
    same "$CF/up-150k.bin" "$HOMEDIR/upload/up-150k.bin"
    same "$R/medium-120k.bin" "$ANON/pub/medium-120k.bin"
    same "$R/lftp/large-300k.bin" "$ANON/pub/large-300k.bin"
    row $cap "curl $C1" RETR /pub/text-200k.txt "$HOMEDIR/pub/text-200k.txt" "ftpuser"
    row $cap "curl $C2" STOR /upload/up-150k.bin "$HOMEDIR/upload/up-150k.bin" "ftpuser"
    row $cap "ftplib $C3" RETR /pub/medium-120k.bin "$ANON/pub/medium-120k.bin" "anonymous"
    row $cap "lftp $C4" RETR /pub/large-300k.bin "$ANON/pub/large-300k.bin" "anonymous"
}

auth_tls() {
    local cap=auth-tls.pcap R=$RECV/auth-tls.pcap
    begin $cap
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=ftp.example.net" \
        -keyout "$TMPD/tls.key" -out "$TMPD/tls.crt" 2>/dev/null
    vsftpd_start tls ssl_enable=YES rsa_cert_file=$TMPD/tls.crt rsa_private_key_file=$TMPD/tls.key \
        allow_anon_ssl=NO force_local_logins_ssl=YES force_local_data_ssl=YES \
        require_ssl_reuse=NO ssl_ciphers=HIGH
    rm -f "$OUT/auth-tls.keys"
    cap_start $cap $NS_S s-eth0
    c env SSLKEYLOGFILE="$OUT/auth-tls.keys" "${CURL[@]}" --ssl-reqd -k -u $USERPASS \
        "ftp://$S1/pub/" -o "$R/list-pub.txt" \
        "ftp://$S1/pub/notes-48k.txt" -o "$R/notes-48k.txt"
    c env SSLKEYLOGFILE="$OUT/auth-tls.keys" "${CURL[@]}" --ssl-reqd -k -u $USERPASS \
        -T "$CF/up-20k.bin" "ftp://$S1/upload/"
    # Python ftplib.FTP_TLS: AUTH TLS (curl always starts with AUTH SSL)
    pyc tls $cap "$OUT/auth-tls.keys"
    cap_stop; vsftpd_stop
    chmod 644 "$OUT/auth-tls.keys"
    same "$R/notes-48k.txt" "$HOMEDIR/pub/notes-48k.txt"
    same "$CF/up-20k.bin" "$HOMEDIR/upload/up-20k.bin"
    same "$R/readme.txt" "$HOMEDIR/pub/readme.txt"
    same "$CF/up-6k.txt" "$HOMEDIR/upload/tls-up.txt"
    row $cap "curl $C1" LIST /pub/ "$(wire_listing "$R/list-pub.txt")" "TLS-protected (PROT P); $CURL_LIST_NOTE"
    row $cap "curl $C1" RETR /pub/notes-48k.txt "$HOMEDIR/pub/notes-48k.txt" "TLS-protected (PROT P)"
    row $cap "curl $C1" STOR /upload/up-20k.bin "$HOMEDIR/upload/up-20k.bin" "TLS-protected (PROT P)"
    row $cap "ftplib $C1" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt" "AUTH TLS; TLS-protected (PROT P)"
    row $cap "ftplib $C1" STOR /upload/tls-up.txt "$HOMEDIR/upload/tls-up.txt" "AUTH TLS; TLS-protected (PROT P)"
}

multiline_replies() {
    local cap=multiline-replies.pcap R=$RECV/multiline-replies.pcap
    begin $cap
    cat > "$TMPD/banner.txt" <<'EOF'
Welcome to the ftpscope test server.
This banner spans several lines so the greeting
is sent as a multi-line 220 reply.
   Indented line, and an empty line follows:

220 this line starts with "220 " but is not the last line
Last line of the banner.
EOF
    vsftpd_start multiline banner_file=$TMPD/banner.txt
    cap_start $cap $NS_S s-eth0
    pyc multiline $cap
    cap_stop; vsftpd_stop
    same "$R/readme.txt" "$ANON/pub/readme.txt"
    row $cap "ftplib $C1" RETR /pub/readme.txt "$ANON/pub/readme.txt" "anonymous"
}

hostile_names() {
    local cap=hostile-names.pcap R=$RECV/hostile-names.pcap
    begin $cap
    vsftpd_start hostile
    cap_start $cap $NS_S s-eth0
    pyc hostile $cap
    cap_stop; vsftpd_stop
    local i name stor retr f
    while IFS=$'\t' read -r i name stor retr; do
        f=$HOMEDIR/upload/$name
        case $stor in
            ERR*) note "STOR of $name failed: $stor"; continue ;;
        esac
        same "$R/src-$i" "$f"
        row $cap "ftplib $C1" STOR "/upload/$name" "$f"
        case $retr in
            OK*) same "$R/got-$i" "$f"; row $cap "ftplib $C1" RETR "/upload/$name" "$f" ;;
            *) note "RETR of $name failed: $retr" ;;
        esac
    done < "$R/results.tsv"
}

# ---- format variants ------------------------------------------------------

small_pasv_session() {  # small_pasv_session RECVDIR
    c "${CURL[@]}" --disable-epsv -u $USERPASS \
        "ftp://$S1/pub/" -o "$1/list-pub.txt" \
        "ftp://$S1/pub/readme.txt" -o "$1/readme.txt"
}

fmt_pcapng() {
    local cap=pasv-curl.pcapng R=$RECV/pasv-curl.pcapng
    begin $cap
    vsftpd_start pcapng
    cap_start_dumpcap $cap $NS_S s-eth0 \
        --capture-comment "ftpscope sample: curl PASV LIST+RETR+STOR, recorded by samples/record.sh"
    small_pasv_session "$R"
    c "${CURL[@]}" --disable-epsv -u $USERPASS -T "$CF/up-6k.txt" "ftp://$S1/upload/"
    cap_stop; vsftpd_stop
    chmod 644 "$OUT/$cap"
    same "$R/readme.txt" "$HOMEDIR/pub/readme.txt"
    row $cap "curl $C1" LIST /pub/ "$(wire_listing "$R/list-pub.txt")" "$CURL_LIST_NOTE"
    row $cap "curl $C1" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt"
    row $cap "curl $C1" STOR /upload/up-6k.txt "$HOMEDIR/upload/up-6k.txt"
}

fmt_nanosecond() {
    local cap=pasv-nanosecond.pcap R=$RECV/pasv-nanosecond.pcap
    begin $cap
    vsftpd_start nano
    cap_start $cap $NS_S s-eth0 --time-stamp-precision=nano
    small_pasv_session "$R"
    cap_stop; vsftpd_stop
    row $cap "curl $C1" LIST /pub/ "$(wire_listing "$R/list-pub.txt")" "$CURL_LIST_NOTE"
    row $cap "curl $C1" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt"
}

fmt_any_sll2() {
    local cap=any-sll2.pcap R=$RECV/any-sll2.pcap
    begin $cap
    vsftpd_start any
    cap_start $cap $NS_S any
    small_pasv_session "$R"
    cap_stop; vsftpd_stop
    row $cap "curl $C1" LIST /pub/ "$(wire_listing "$R/list-pub.txt")" "$CURL_LIST_NOTE"
    row $cap "curl $C1" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt"
}

fmt_snaplen96() {
    local cap=snaplen-96.pcap R=$RECV/snaplen-96.pcap
    begin $cap
    vsftpd_start snap
    cap_start $cap $NS_S s-eth0 -s 96
    c "${CURL[@]}" --disable-epsv -u $USERPASS "ftp://$S1/pub/notes-48k.txt" -o "$R/notes-48k.txt"
    cap_stop; vsftpd_stop
    same "$R/notes-48k.txt" "$HOMEDIR/pub/notes-48k.txt"
    row $cap "curl $C1" RETR /pub/notes-48k.txt "$HOMEDIR/pub/notes-48k.txt" "frames truncated to 96 bytes"
}

# 802.1Q: this kernel has no 8021q module, so a tiny user-space "switch" in its
# own namespace relays frames between the router and the server over a trunk
# veth pair, pushing/popping a VLAN 100 tag.  The capture on the trunk shows
# real vsftpd/curl traffic with real 802.1Q tags on the wire.
vlan() {
    local cap=vlan.pcap R=$RECV/vlan.pcap
    begin $cap
    ip netns add ftpsw
    ip netns exec ftpsw ip link set lo up
    # extra router<->server path through the switch: r-vl <-> sw-r =[trunk0~trunk1]= sw-s <-> s-vl
    ip link add r-vl netns $NS_R type veth peer name sw-r netns ftpsw
    ip link add s-vl netns $NS_S type veth peer name sw-s netns ftpsw
    ip netns exec ftpsw ip link add trunk0 type veth peer name trunk1
    local x
    ip netns exec ftpsw sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    r sysctl -qw net.ipv6.conf.r-vl.disable_ipv6=1
    s sysctl -qw net.ipv6.conf.s-vl.disable_ipv6=1
    for x in sw-r sw-s trunk0 trunk1; do
        ip netns exec ftpsw sysctl -qw net.ipv6.conf.$x.disable_ipv6=1
        ip netns exec ftpsw ip link set $x up; offloads_off ftpsw $x
    done
    r ip link set r-vl up; offloads_off $NS_R r-vl
    s ip link set s-vl up; offloads_off $NS_S s-vl
    # the VLAN segment is 198.51.100.128/25 (router .129, server .130); the server
    # answers from .130 through the VLAN link (source-based route)
    r ip addr add 198.51.100.129/25 dev r-vl
    s ip addr add 198.51.100.130/25 dev s-vl
    s ip rule add from 198.51.100.130 table 100
    s ip route add default via 198.51.100.129 dev s-vl table 100
    ip netns exec ftpsw "$PY" - <<'EOF' > "$LOGS/vlan-switch.log" 2>&1 &
import os, socket, select, struct
ETH_P_ALL = 3
def sock(ifc):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    s.bind((ifc, ETH_P_ALL))
    s.setsockopt(263, 8, 1)   # SOL_PACKET, PACKET_AUXDATA (to see kernel-stripped tags)
    return s
S = {n: sock(n) for n in ("sw-r", "sw-s", "trunk0", "trunk1")}
TAG = struct.pack("!HH", 0x8100, 100)
# access port -> trunk side to send tagged frames on; trunk side -> access port
UP = {"sw-r": "trunk0", "sw-s": "trunk1"}
DOWN = {"trunk0": "sw-r", "trunk1": "sw-s"}
open("/dev/stdout", "w").write("switch up\n")
while True:
    rd, _, _ = select.select(list(S.values()), [], [])
    for s in rd:
        name = [n for n, x in S.items() if x is s][0]
        data, anc, flags, addr = s.recvmsg(65600, 64)
        if addr[2] == socket.PACKET_OUTGOING:
            continue
        if name in UP:
            S[UP[name]].send(data[:12] + TAG + data[12:])
        else:
            # the kernel already removed the tag on receive (it is in the aux data);
            # strip an inline tag too if present
            if data[12:14] == b"\x81\x00":
                data = data[:12] + data[16:]
            S[DOWN[name]].send(data)
EOF
    BG_PIDS+=($!)
    sleep 1
    vsftpd_start vlan
    cap_start $cap ftpsw trunk0
    c "${CURL[@]}" --disable-epsv -u $USERPASS \
        "ftp://198.51.100.130/pub/" -o "$R/list-pub.txt" \
        "ftp://198.51.100.130/pub/readme.txt" -o "$R/readme.txt"
    cap_stop; vsftpd_stop
    same "$R/readme.txt" "$HOMEDIR/pub/readme.txt"
    row $cap "curl $C1" LIST /pub/ "$(wire_listing "$R/list-pub.txt")" "VLAN 100; $CURL_LIST_NOTE"
    row $cap "curl $C1" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt" "VLAN 100"
}

# ================================================================ more scenarios
# (added later; the ones above are unchanged)

# make_mirror_tree DIR: 300 small files (50-2000 bytes) in nested directories,
# deterministic (seeded random), one python run
make_mirror_tree() {
    "$PY" - "$1" <<'EOF'
import os, random, sys
root = sys.argv[1]
rnd = random.Random(4242)
words = "mirror tree file data passive retr list cwd packet small nested".split()
dirs = [""]
for a in ("alpha", "beta", "gamma", "delta", "epsilon"):
    dirs.append(a)
    for b in range(rnd.randint(1, 3)):
        dirs.append("%s/sub%d" % (a, b))
        if rnd.random() < 0.5:
            dirs.append("%s/sub%d/deep" % (a, b))
n = 0
for d in dirs:
    os.makedirs(os.path.join(root, d), exist_ok=True)
while n < 300:
    d = dirs[n % len(dirs)]
    size = rnd.randint(50, 2000)
    if n % 3 == 0:
        data = bytes(rnd.getrandbits(8) for _ in range(size))
        name = "f%03d.bin" % n
    else:
        text = []
        while sum(map(len, text)) < size:
            text.append(" ".join(rnd.choice(words) for _ in range(rnd.randint(4, 10))) + "\n")
        data = "".join(text).encode()[:size]
        name = "f%03d.txt" % n
    with open(os.path.join(root, d, name), "wb") as f:
        f.write(data)
    n += 1
EOF
}

# One lftp session mirrors pub/tree (300 files in 20 directories): CWD + LIST per
# directory and one passive RETR per file.  The first half of the directories is
# fetched with PASV, the rest with EPSV (ftp:prefer-epsv switched on mid-session).
mirror_long() {
    local cap=mirror-long.pcap R=$RECV/mirror-long.pcap
    begin $cap
    local T=$HOMEDIR/pub/tree
    make_mirror_tree "$T"
    chown -R ftpuser:ftpuser "$T"
    find "$T" -exec touch -h -d '2024-03-01 12:00:00 UTC' {} +
    vsftpd_start mirror
    cap_start $cap $NS_S s-eth0
    mkdir -p "$R/tree"
    c timeout 120 lftp -u $USERPASS -e "set net:connection-limit 1; set ftp:prefer-epsv no; \
        set cmd:fail-exit yes; set mirror:parallel-transfer-count 1; \
        mirror pub/tree/alpha $R/tree/alpha; mirror pub/tree/beta $R/tree/beta; \
        set ftp:prefer-epsv yes; \
        mirror pub/tree $R/tree; bye" "ftp://$S1" > "$R/lftp.out" 2>&1
    cap_stop; vsftpd_stop
    diff -r "$T" "$R/tree" >&2 || { echo "!!! mirror differs" >&2; MISMATCH=1; }
    local f rel
    while read -r f; do
        rel=${f#$T/}
        row $cap "lftp $C1" RETR "/pub/tree/$rel" "$f" "mirror"
    done < <(cd "$T" && find . -type f | sed "s|^\./|$T/|" | sort)
}

# ---- data-connection hijacking --------------------------------------------
# $TMPD/ftpc2.py: python clients for the scenarios below (stdlib only)
write_pyclient2() {
cat > "$TMPD/ftpc2.py" <<'EOF'
"""More ftplib-based clients for record.sh (Python stdlib only)."""
import ftplib, os, socket, sys, time

S1, C1 = "198.51.100.21", "192.0.2.10"
THIEF_C = "192.0.2.66"          # third host on the client LAN (PASV thief)
mode, recv = sys.argv[1], sys.argv[2]

def save(name, data):
    with open(os.path.join(recv, name), "wb") as f:
        f.write(data)

def readall(sock):
    buf = bytearray()
    while True:
        try:
            b = sock.recv(65536)
        except OSError as e:
            print("    recv ->", repr(e))
            break
        if not b:
            break
        buf.extend(b)
    return bytes(buf)

def login(user="ftpuser", pw="ftpsecret", timeout=10):
    ftp = ftplib.FTP(timeout=timeout)
    ftp.connect(S1, 21)
    ftp.login(user, pw)
    return ftp

def resp(ftp):
    try:
        r = ftp.getresp()
    except ftplib.all_errors as e:
        r = "ERR %s" % e
    print("   ", r)
    return r

def pasv_port(ftp):
    return ftplib.parse227(ftp.sendcmd("PASV"))[1]

def connect(src, port):
    s = socket.create_connection((S1, port), timeout=5, source_address=(src, 0))
    print("    %s connected to %s:%d from port %d" % (src, S1, port, s.getsockname()[1]))
    return s

if mode == "pasv-hijack":
    # the third host connects to the advertised port first and gets the file;
    # the client's own connection, made after the 150, is refused
    ftp = login()
    ftp.sendcmd("TYPE I")
    port = pasv_port(ftp)
    thief = connect(THIEF_C, port)
    time.sleep(0.2)
    ftp.putcmd("RETR pub/readme.txt")
    resp(ftp)                                     # 150
    save("thief-readme.txt", readall(thief)); thief.close()
    try:
        connect(C1, port).close()
    except OSError as e:
        print("    client connect ->", repr(e))
    resp(ftp)                                     # 226
    ftp.quit()

elif mode == "pasv-race":
    ftp = login()
    ftp.sendcmd("TYPE I")
    # round 1: third host first, client second, then RETR
    port = pasv_port(ftp)
    thief = connect(THIEF_C, port); time.sleep(0.05)
    mine = connect(C1, port); time.sleep(0.2)
    ftp.putcmd("RETR pub/small.bin")
    resp(ftp)
    save("thief-small.bin", readall(thief)); thief.close()
    save("client-small.bin", readall(mine)); mine.close()
    resp(ftp)
    time.sleep(0.3)
    # round 2: client first, third host second
    port = pasv_port(ftp)
    mine = connect(C1, port); time.sleep(0.05)
    thief = connect(THIEF_C, port); time.sleep(0.2)
    ftp.putcmd("RETR pub/readme.txt")
    resp(ftp)
    save("client-readme.txt", readall(mine)); mine.close()
    save("thief-readme.txt", readall(thief)); thief.close()
    resp(ftp)
    ftp.quit()

elif mode == "pasv-refused":
    # vsftpd default pasv_promiscuous=NO: the third host is turned away
    ftp = login()
    ftp.sendcmd("TYPE I")
    port = pasv_port(ftp)
    thief = connect(THIEF_C, port); time.sleep(0.2)
    ftp.putcmd("RETR pub/readme.txt")
    resp(ftp)
    save("thief-readme.txt", readall(thief)); thief.close()
    # try again properly
    ftp.retrbinary("RETR pub/readme.txt", open(os.path.join(recv, "client-readme.txt"), "wb").write)
    ftp.quit()

elif mode == "port-hijack":
    # active mode: the third host (on the server LAN) connects to the client's
    # PORT port before the server does; the client uploads to the third host
    portfile, okfile, src = sys.argv[3], sys.argv[4], sys.argv[5]
    ftp = login()
    ftp.sendcmd("TYPE I")
    ftp.set_pasv(False)
    lsock = ftp.makeport()                         # PORT 192,0,2,10,p1,p2
    open(portfile + ".tmp", "w").write(str(lsock.getsockname()[1]))
    os.rename(portfile + ".tmp", portfile)
    for _ in range(100):
        if os.path.exists(okfile):
            break
        time.sleep(0.05)
    time.sleep(0.1)
    ftp.putcmd("STOR upload/port-hijack.bin")
    time.sleep(0.5)                                # vsftpd's connection is queued too now
    conn, peer = lsock.accept()
    print("    client accepted data connection from %s:%d" % peer)
    lsock.close()                                  # resets the queued server connection
    with open(src, "rb") as f:
        try:
            conn.sendall(f.read())
        except OSError as e:
            print("    send ->", repr(e))
    conn.close()
    resp(ftp)
    resp(ftp)
    ftp.quit()

elif mode == "port-thief":
    portfile, okfile, me = sys.argv[3], sys.argv[4], sys.argv[5]
    for _ in range(200):
        if os.path.exists(portfile):
            break
        time.sleep(0.05)
    port = int(open(portfile).read())
    s = socket.create_connection((C1, port), timeout=5, source_address=(me, 0))
    print("    thief %s connected to %s:%d" % (me, C1, port))
    open(okfile, "w").write("ok")
    save("thief-upload.bin", readall(s)); s.close()

elif mode == "reset":
    # data connections ended by the client with RST (SO_LINGER 0) part-way
    import fcntl, struct, termios
    src = sys.argv[3]
    def rst_close(s):
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.close()
    def pasv_sock(ftp, host, rcvbuf=None):
        port = pasv_port(ftp)
        s = socket.socket()
        if rcvbuf:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        s.settimeout(10)
        s.connect((host, port))
        return s
    def partial_retr(ftp, host, path, name, want=40000):
        # read `want` bytes, stop reading until the window is closed, then RST;
        # bytes on the wire = read + what waits in the receive queue (SIOCINQ)
        ftp.sendcmd("TYPE I")
        d = pasv_sock(ftp, host, rcvbuf=16384)
        ftp.putcmd("RETR " + path)
        resp(ftp)
        got = bytearray()
        while len(got) < want:
            got.extend(d.recv(min(4096, want - len(got))))
        time.sleep(1.0)
        queued = struct.unpack("i", fcntl.ioctl(d, termios.FIONREAD, b"\0\0\0\0"))[0]
        rst_close(d)
        print("    read %d, queued %d -> %d bytes on the wire, then RST" % (len(got), queued, len(got) + queued))
        open(os.path.join(recv, name), "w").write(str(len(got) + queued))
        resp(ftp)
    # 1) vsftpd, STOR: 150 without a size; 30000 bytes, then RST
    ftp = login()
    ftp.sendcmd("TYPE I")
    d = pasv_sock(ftp, S1)
    ftp.putcmd("STOR upload/reset-up.bin")
    resp(ftp)
    data = open(src, "rb").read()[:30000]
    d.sendall(data)
    time.sleep(0.5)                                # all of it acknowledged
    rst_close(d)
    save("stor-sent.bin", data)
    resp(ftp)
    ftp.quit()
    # 2) vsftpd, RETR: no SIZE; the 150 says (300000 bytes); RST after part of it
    ftp = login()
    partial_retr(ftp, S1, "pub/large-300k.bin", "retr-vsftpd.len")
    ftp.quit()
    # 3) pyftpdlib on .22: its 150 has no size either; RST after part of it
    ftp = ftplib.FTP(timeout=10)
    ftp.connect(sys.argv[4], 21)
    ftp.login("ftpuser", "ftpsecret")
    partial_retr(ftp, sys.argv[4], "pub/large-300k.bin", "retr-pyftpdlib.len")
    ftp.quit()

else:
    sys.exit("unknown mode " + mode)
EOF
}

pyc2() {  # pyc2 NS MODE CAPTURE [EXTRA...]
    ip netns exec "$1" "$PY" "$TMPD/ftpc2.py" "$2" "$RECV/$3" "${@:4}"
}

THIEF_C=192.0.2.66 THIEF_S=198.51.100.66

# Three captures of a third host (192.0.2.66, an extra address on the client
# LAN) connecting to the port the server advertised in its 227 reply.  The
# client script tells the third host the port (as an attacker scanning the
# passive range would find it).
pasv_hijack() {
    c ip addr add $THIEF_C/24 dev c-eth0
    local cap R
    # 1) vsftpd pasv_promiscuous=YES: the third host wins, gets the file
    cap=pasv-hijack.pcap R=$RECV/$cap
    begin $cap
    vsftpd_start hijack pasv_promiscuous=YES
    cap_start $cap $NS_S s-eth0
    pyc2 $NS_C pasv-hijack $cap
    cap_stop; vsftpd_stop
    same "$R/thief-readme.txt" "$HOMEDIR/pub/readme.txt"
    row $cap "third host $THIEF_C" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt" \
        "ftplib $C1 sent PASV+RETR; the data connection came from $THIEF_C (pasv_promiscuous=YES)"
    # 2) both connect before RETR, in both orders: the first one queued wins
    cap=pasv-race.pcap R=$RECV/$cap
    begin $cap
    vsftpd_start race pasv_promiscuous=YES
    cap_start $cap $NS_S s-eth0
    pyc2 $NS_C pasv-race $cap
    cap_stop; vsftpd_stop
    same "$R/thief-small.bin" "$HOMEDIR/pub/small.bin"
    same "$R/client-readme.txt" "$HOMEDIR/pub/readme.txt"
    row $cap "third host $THIEF_C" RETR /pub/small.bin "$HOMEDIR/pub/small.bin" \
        "ftplib $C1 sent PASV+RETR; $THIEF_C connected first and got the file; the client's connection was reset"
    row $cap "ftplib $C1" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt" \
        "client connected first; the third host's connection was reset"
    # 3) vsftpd default (pasv_promiscuous=NO): 425 Security: Bad IP connecting
    cap=pasv-hijack-refused.pcap R=$RECV/$cap
    begin $cap
    vsftpd_start refused
    cap_start $cap $NS_S s-eth0
    pyc2 $NS_C pasv-refused $cap
    cap_stop; vsftpd_stop
    same "$R/client-readme.txt" "$HOMEDIR/pub/readme.txt"
    [ -s "$R/thief-readme.txt" ] && { echo "!!! thief got data" >&2; MISMATCH=1; }
    row $cap "ftplib $C1" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt" "second attempt, after the 425"
    c ip addr del $THIEF_C/24 dev c-eth0
}

# Active mode: a third host on the server LAN (198.51.100.66) connects to the
# port named in the client's PORT before vsftpd does; the client accepts it and
# uploads to it.
port_hijack() {
    local cap=port-hijack.pcap R=$RECV/port-hijack.pcap
    begin $cap
    s ip addr add $THIEF_S/24 dev s-eth0
    rm -f "$TMPD/thief-port" "$TMPD/thief-ok"
    vsftpd_start porthijack
    cap_start $cap $NS_S s-eth0
    pyc2 $NS_S port-thief $cap "$TMPD/thief-port" "$TMPD/thief-ok" $THIEF_S &
    local tp=$!
    pyc2 $NS_C port-hijack $cap "$TMPD/thief-port" "$TMPD/thief-ok" "$CF/up-20k.bin"
    wait $tp
    cap_stop; vsftpd_stop
    s ip addr del $THIEF_S/24 dev s-eth0
    same "$R/thief-upload.bin" "$CF/up-20k.bin"
    row $cap "ftplib $C1 -> third host $THIEF_S" STOR /upload/port-hijack.bin "$CF/up-20k.bin" \
        "active mode; the bytes went to $THIEF_S, which connected to the PORT port first"
}

# pyftpdlib (Debian python3-pyftpdlib, run with the system python) on S2:21
pyftpd_start() {  # pyftpd_start NAME
    cat > "$TMPD/pyftpd.py" <<EOF
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer
import logging
logging.basicConfig(level=logging.DEBUG)
a = DummyAuthorizer()
a.add_user("ftpuser", "ftpsecret", "$HOMEDIR", perm="elradfmw")
FTPHandler.authorizer = a
FTPHandler.banner = "ftpscope test server (pyftpdlib) ready."
FTPHandler.passive_ports = range(40200, 40300)
FTPServer(("$S2", 21), FTPHandler).serve_forever()
EOF
    s /usr/bin/python3 "$TMPD/pyftpd.py" > "$LOGS/$1.pyftpd.log" 2>&1 &
    PYFTPD_PID=$!
    local i
    for i in $(seq 50); do
        s ss -Hltn "src $S2 and sport = :21" | grep -q LISTEN && return 0
        sleep 0.1
    done
    echo "pyftpdlib did not start:" >&2; cat "$LOGS/$1.pyftpd.log" >&2; exit 1
}
pyftpd_stop() { kill "$PYFTPD_PID" 2>/dev/null; wait "$PYFTPD_PID" 2>/dev/null || true; PYFTPD_PID=""; }

# Data connections the client ends with RST part-way (SO_LINGER 0 close):
# a STOR (no size anywhere), a vsftpd RETR (size only in the 150) and a
# pyftpdlib RETR (no size in the 150, no SIZE command).
reset_halfway() {
    local cap=reset-halfway.pcap R=$RECV/reset-halfway.pcap
    begin $cap
    vsftpd_start reset listen_address=$S1      # pyftpdlib gets $S2:21
    pyftpd_start reset
    cap_start $cap $NS_S s-eth0
    pyc2 $NS_C reset $cap "$CF/up-150k.bin" $S2
    cap_stop; vsftpd_stop; pyftpd_stop
    local n
    row $cap "ftplib $C1" STOR /upload/reset-up.bin "$R/stor-sent.bin" \
        "150 without size; first 30000 bytes of a 150000-byte file, then the client's RST"
    n=$(cat "$R/retr-vsftpd.len"); head -c "$n" "$HOMEDIR/pub/large-300k.bin" > "$R/retr-vsftpd.part"
    row $cap "ftplib $C1" RETR /pub/large-300k.bin "$R/retr-vsftpd.part" \
        "vsftpd; 150 says 300000 bytes; only the first $n bytes crossed, then the client's RST"
    n=$(cat "$R/retr-pyftpdlib.len"); head -c "$n" "$HOMEDIR/pub/large-300k.bin" > "$R/retr-pyftpdlib.part"
    row $cap "ftplib $C1" RETR /pub/large-300k.bin "$R/retr-pyftpdlib.part" \
        "pyftpdlib $S2; no size anywhere; only the first $n bytes crossed, then the client's RST"
}

# Control connections that never come up, seen on the router's client side:
# (1) the router DROPs SYNs to port 21, (2) nothing listens on port 21 (the
# server host answers RST), (3) the router REJECTs with ICMP host unreachable.
server_unreachable() {
    local cap=server-unreachable.pcap R=$RECV/server-unreachable.pcap
    begin $cap
    cap_start $cap $NS_R r-cli
    r iptables -A FORWARD -p tcp -d $S1 --dport 21 -j DROP
    c "${CURL[@]}" --connect-timeout 4 "ftp://$S1/pub/readme.txt" -o /dev/null > "$R/curl1.out" 2>&1 || true
    c "$PY" -c "import ftplib
try: ftplib.FTP('$S1', timeout=3)
except OSError as e: print('    ftplib:', repr(e))"
    router_reset
    # no vsftpd running: the server's kernel answers RST/ACK
    c "${CURL[@]}" "ftp://$S1/pub/readme.txt" -o /dev/null > "$R/curl2.out" 2>&1 || true
    c "$PY" -c "import ftplib
try: ftplib.FTP('$S1', timeout=3)
except OSError as e: print('    ftplib:', repr(e))"
    r iptables -A FORWARD -p tcp -d $S1 --dport 21 -j REJECT --reject-with icmp-host-unreachable
    c "${CURL[@]}" "ftp://$S1/pub/readme.txt" -o /dev/null > "$R/curl3.out" 2>&1 || true
    router_reset
    cap_stop
    cat "$R"/curl*.out >&2
}

# 6in4 (IP protocol 41) between the client and the router.  This kernel has
# no sit module ("ip tunnel add … mode sit" fails: No such device), so a small
# Python relay does what sit does: it reads IPv6 packets from a TUN device and
# sends each one as the payload of an IPv4 packet with protocol 41 (raw
# socket), and writes the IPv6 payload of received protocol-41 packets back
# to the TUN device.  One relay runs in the client and one in the router.
sixinfour_relay() {  # sixinfour_relay NS LOCAL4 REMOTE4 TUN ADDR6/64
    ip netns exec "$1" "$PY" - "$2" "$3" "$4" <<'EOF' > "$LOGS/6in4-$1.log" 2>&1 &
import fcntl, os, select, socket, struct, sys
local, remote, name = sys.argv[1], sys.argv[2], sys.argv[3]
TUNSETIFF, IFF_TUN, IFF_NO_PI = 0x400454ca, 0x0001, 0x1000
tun = os.open("/dev/net/tun", os.O_RDWR)
fcntl.ioctl(tun, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, 41)
raw.bind((local, 0))
print("6in4 relay", local, "<->", remote, "on", name, flush=True)
while True:
    rd, _, _ = select.select([tun, raw], [], [])
    if tun in rd:
        pkt = os.read(tun, 65535)
        if pkt and pkt[0] >> 4 == 6:
            raw.sendto(pkt, (remote, 0))
    if raw in rd:
        data, addr = raw.recvfrom(65535)
        if addr[0] == remote:
            ihl = (data[0] & 0x0f) * 4
            os.write(tun, data[ihl:])
EOF
    BG_PIDS+=($!)
    local i
    for i in $(seq 50); do ip netns exec "$1" ip link show "$4" >/dev/null 2>&1 && break; sleep 0.1; done
    ip netns exec "$1" sysctl -qw net.ipv6.conf.$4.accept_dad=0 2>/dev/null || true
    ip netns exec "$1" ip link set "$4" mtu 1480 up
    ip netns exec "$1" ip -6 addr add "$5" dev "$4" nodad
}

tunnel_6in4() {
    local cap=tunnel-6in4.pcap R=$RECV/tunnel-6in4.pcap
    begin $cap
    sixinfour_relay $NS_C $C1 192.0.2.1 tun6 2001:db8:66::10/64
    sixinfour_relay $NS_R 192.0.2.1 $C1 tun6 2001:db8:66::1/64
    c ip -6 route add 2001:db8:2::/64 dev tun6
    vsftpd_start tun6 listen=NO listen_ipv6=YES
    sleep 0.5
    cap_start $cap $NS_R r-cli
    # EPSV: LIST + RETR, then EPRT: RETR (the server connects back through the tunnel)
    c "${CURL[@]}" -g -u $USERPASS \
        "ftp://[$S6]/pub/" -o "$R/list-epsv.txt" \
        "ftp://[$S6]/pub/notes-48k.txt" -o "$R/notes-48k.txt"
    c "${CURL[@]}" -g -P - -u $USERPASS "ftp://[$S6]/pub/readme.txt" -o "$R/readme.txt"
    cap_stop; vsftpd_stop
    c ip -6 route del 2001:db8:2::/64 dev tun6
    local p
    for p in "${BG_PIDS[@]}"; do kill "$p" 2>/dev/null; done
    BG_PIDS=()
    same "$R/notes-48k.txt" "$HOMEDIR/pub/notes-48k.txt"
    same "$R/readme.txt" "$HOMEDIR/pub/readme.txt"
    row $cap "curl 2001:db8:66::10" LIST /pub/ "$(wire_listing "$R/list-epsv.txt")" "6in4; EPSV; $CURL_LIST_NOTE"
    row $cap "curl 2001:db8:66::10" RETR /pub/notes-48k.txt "$HOMEDIR/pub/notes-48k.txt" "6in4; EPSV"
    row $cap "curl 2001:db8:66::10" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt" "6in4; EPRT"
}

# ================================================================ FTPS (issue 22)
# Every ftps-*.pcap has its NSS key log beside it (ftps-*.keys): curl (OpenSSL) and Python
# (ssl.SSLContext.keylog_filename) write it, lftp through GnuTLS (SSLKEYLOGFILE).  The server
# certificate is signed by a small test CA, so TLS 1.2 captures show subject != issuer and a
# chain of two.  curl is given the name ftps.example.net (--resolve), so it sends SNI.
FTPS_NAME=ftps.example.net
ftps_certs() {
    [ -f "$TMPD/ftps-chain.pem" ] && return 0
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/O=ftpscope test/CN=ftpscope test CA" \
        -keyout "$TMPD/ftps-ca.key" -out "$TMPD/ftps-ca.crt" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/O=ftpscope test/CN=$FTPS_NAME" \
        -keyout "$TMPD/ftps.key" -out "$TMPD/ftps.csr" 2>/dev/null
    printf 'subjectAltName=DNS:%s\n' "$FTPS_NAME" > "$TMPD/ftps.ext"
    openssl x509 -req -in "$TMPD/ftps.csr" -CA "$TMPD/ftps-ca.crt" -CAkey "$TMPD/ftps-ca.key" \
        -CAcreateserial -days 825 -extfile "$TMPD/ftps.ext" -out "$TMPD/ftps.crt" 2>/dev/null
    cat "$TMPD/ftps.crt" "$TMPD/ftps-ca.crt" > "$TMPD/ftps-chain.pem"
    openssl x509 -in "$TMPD/ftps.crt" -noout -subject -issuer -dates >&2
}

# vsftpd_ftps NAME [extra config lines]: vsftpd with TLS required for logins and data
vsftpd_ftps() {
    local name=$1; shift
    ftps_certs
    vsftpd_start "$name" ssl_enable=YES rsa_cert_file="$TMPD/ftps-chain.pem" rsa_private_key_file="$TMPD/ftps.key" \
        allow_anon_ssl=NO force_local_logins_ssl=YES force_local_data_ssl=YES \
        require_ssl_reuse=NO ssl_ciphers=HIGH "$@"
}

# curl over explicit FTPS (AUTH SSL), key log KEYS, SNI ftps.example.net
FTPS_CURL() {  # FTPS_CURL KEYS curl-args...
    local keys=$1; shift
    c env SSLKEYLOGFILE="$keys" "${CURL[@]}" --ssl-reqd -k --resolve "$FTPS_NAME:21:$S1" \
        --resolve "$FTPS_NAME:990:$S1" -u $USERPASS "$@"
}

ftps_keys_begin() { rm -f "$OUT/${1%.pcap}.keys"; echo "$OUT/${1%.pcap}.keys"; }
ftps_keys_end() { [ -f "$OUT/${1%.pcap}.keys" ] && chmod 644 "$OUT/${1%.pcap}.keys"; }

write_pyclient_tls() {
cat > "$TMPD/ftpc-tls.py" <<'EOF'
"""ftplib.FTP_TLS clients for the FTPS captures (stdlib only)."""
import ftplib, os, ssl, sys

mode, recv, keylog, host = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
NO_ENCRYPT_THEN_MAC = 1 << 19                  # OpenSSL SSL_OP_NO_ENCRYPT_THEN_MAC (not in Python's ssl)

def context(ciphers=None, tls12=False, no_etm=False):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE            # test CA
    ctx.keylog_filename = keylog
    if tls12:
        ctx.maximum_version = ssl.TLSVersion.TLSv1_2
    if ciphers:
        ctx.set_ciphers(ciphers)
    if no_etm:
        ctx.options |= NO_ENCRYPT_THEN_MAC
    return ctx

def save(name, data):
    with open(os.path.join(recv, name), "wb") as f:
        f.write(data)

def get(ftp, cmd):
    buf = bytearray()
    ftp.retrbinary(cmd, buf.extend)
    return bytes(buf)

def login(ctx, timeout=10):
    ftp = ftplib.FTP_TLS(context=ctx, timeout=timeout)
    ftp.connect(host, 21)
    ftp.login("ftpuser", "ftpsecret")          # AUTH TLS, USER, PASS
    ftp.prot_p()                               # PBSZ 0, PROT P
    return ftp

if mode == "cbc-mte":
    # CBC with MAC-then-encrypt (RFC 5246), the encrypt_then_mac extension not offered
    ftp = login(context("ECDHE-RSA-AES256-SHA384", tls12=True, no_etm=True))
    save("readme.txt", get(ftp, "RETR pub/readme.txt"))
    ftp.quit()
elif mode == "no-reuse":
    # ftplib does not resume the control connection's session on data connections
    ftp = login(context(tls12=True))
    try:
        save("small.bin", get(ftp, "RETR pub/small.bin"))
        print("  unexpected success")
    except (OSError, ftplib.Error) as e:
        print("  data connection refused as expected:", repr(e))
    try:
        ftp.quit()
    except (OSError, ftplib.Error, EOFError) as e:    # vsftpd ends the session after 522
        print("  QUIT failed:", repr(e))
elif mode == "blocked":
    ftp = login(context(tls12=True), timeout=5)
    ftp.sendcmd("TYPE A")
    try:
        ftp.retrlines("LIST pub", lambda l: None)
        print("  unexpected success")
    except (OSError, ftplib.Error) as e:
        print("  data connection failed as expected:", repr(e))
    try:
        ftp.quit()
    except (OSError, ftplib.Error) as e:
        print("  QUIT failed:", repr(e))
else:
    sys.exit("unknown mode " + mode)
EOF
}

pyt() {  # pyt MODE CAPTURE KEYS [HOST]
    c "$PY" "$TMPD/ftpc-tls.py" "$1" "$RECV/$2" "$3" "${4:-$S1}"
}

# TLS 1.2, AES-GCM: curl with the SHA-256 PRF suite (LIST, RETR, STOR) and the SHA-384 one (RETR)
ftps_tls12_gcm() {
    local cap=ftps-tls12-gcm.pcap R=$RECV/ftps-tls12-gcm.pcap K
    begin $cap; K=$(ftps_keys_begin $cap)
    vsftpd_ftps tls12gcm
    cap_start $cap $NS_S s-eth0
    FTPS_CURL "$K" --tls-max 1.2 --ciphers ECDHE-RSA-AES128-GCM-SHA256 \
        "ftp://$FTPS_NAME/pub/" -o "$R/list-pub.txt" \
        "ftp://$FTPS_NAME/pub/notes-48k.txt" -o "$R/notes-48k.txt"
    FTPS_CURL "$K" --tls-max 1.2 --ciphers ECDHE-RSA-AES128-GCM-SHA256 -T "$CF/up-6k.txt" "ftp://$FTPS_NAME/upload/"
    FTPS_CURL "$K" --tls-max 1.2 --ciphers ECDHE-RSA-AES256-GCM-SHA384 "ftp://$FTPS_NAME/pub/readme.txt" -o "$R/readme.txt"
    cap_stop; vsftpd_stop; ftps_keys_end $cap
    same "$R/notes-48k.txt" "$HOMEDIR/pub/notes-48k.txt"
    same "$CF/up-6k.txt" "$HOMEDIR/upload/up-6k.txt"
    same "$R/readme.txt" "$HOMEDIR/pub/readme.txt"
    row $cap "curl $C1" LIST /pub/ "$(wire_listing "$R/list-pub.txt")" "TLS 1.2 ECDHE-RSA-AES128-GCM-SHA256; $CURL_LIST_NOTE"
    row $cap "curl $C1" RETR /pub/notes-48k.txt "$HOMEDIR/pub/notes-48k.txt" "TLS 1.2 ECDHE-RSA-AES128-GCM-SHA256"
    row $cap "curl $C1" STOR /upload/up-6k.txt "$HOMEDIR/upload/up-6k.txt" "TLS 1.2 ECDHE-RSA-AES128-GCM-SHA256"
    row $cap "curl $C1" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt" "TLS 1.2 ECDHE-RSA-AES256-GCM-SHA384"
}

# TLS 1.2, ChaCha20-Poly1305: lftp (GnuTLS), PROT P, session resumed on data connections
ftps_tls12_chacha() {
    local cap=ftps-tls12-chacha.pcap R=$RECV/ftps-tls12-chacha.pcap K
    begin $cap; K=$(ftps_keys_begin $cap)
    vsftpd_ftps tls12chacha
    cap_start $cap $NS_S s-eth0
    mkdir -p "$R/lftp"
    c env SSLKEYLOGFILE="$K" timeout 60 lftp -u $USERPASS -e "set ftp:ssl-force yes; \
        set ftp:ssl-protect-data yes; set ssl:verify-certificate no; set cmd:fail-exit yes; \
        set ssl:priority NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+CHACHA20-POLY1305; \
        set net:max-retries 1; lcd $R/lftp; cls -l pub; get pub/readme.txt; \
        put -O upload $CF/up-20k.bin; bye" "ftp://$S1" > "$R/lftp.out" 2>&1
    cap_stop; vsftpd_stop; ftps_keys_end $cap
    cat "$R/lftp.out" >&2
    same "$R/lftp/readme.txt" "$HOMEDIR/pub/readme.txt"
    same "$CF/up-20k.bin" "$HOMEDIR/upload/up-20k.bin"
    row $cap "lftp $C1" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt" "TLS 1.2 ECDHE-RSA-CHACHA20-POLY1305 (GnuTLS)"
    row $cap "lftp $C1" STOR /upload/up-20k.bin "$HOMEDIR/upload/up-20k.bin" "TLS 1.2 ECDHE-RSA-CHACHA20-POLY1305 (GnuTLS)"
}

# TLS 1.2, AES-CBC: HMAC-SHA1 (ECDHE), HMAC-SHA256 (RSA key exchange), both encrypt-then-MAC
# (OpenSSL's default), and HMAC-SHA384 MAC-then-encrypt (ftplib, extension not offered)
ftps_tls12_cbc() {
    local cap=ftps-tls12-cbc.pcap R=$RECV/ftps-tls12-cbc.pcap K
    begin $cap; K=$(ftps_keys_begin $cap)
    vsftpd_ftps tls12cbc
    cap_start $cap $NS_S s-eth0
    FTPS_CURL "$K" --tls-max 1.2 --ciphers ECDHE-RSA-AES128-SHA "ftp://$FTPS_NAME/pub/small.bin" -o "$R/small.bin"
    FTPS_CURL "$K" --tls-max 1.2 --ciphers AES256-SHA256 "ftp://$FTPS_NAME/pub/notes-48k.txt" -o "$R/notes-48k.txt"
    pyt cbc-mte $cap "$K"
    cap_stop; vsftpd_stop; ftps_keys_end $cap
    same "$R/small.bin" "$HOMEDIR/pub/small.bin"
    same "$R/notes-48k.txt" "$HOMEDIR/pub/notes-48k.txt"
    same "$R/readme.txt" "$HOMEDIR/pub/readme.txt"
    row $cap "curl $C1" RETR /pub/small.bin "$HOMEDIR/pub/small.bin" "TLS 1.2 ECDHE-RSA-AES128-SHA, encrypt-then-MAC"
    row $cap "curl $C1" RETR /pub/notes-48k.txt "$HOMEDIR/pub/notes-48k.txt" "TLS 1.2 AES256-SHA256 (RSA key exchange), encrypt-then-MAC"
    row $cap "ftplib $C1" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt" "TLS 1.2 ECDHE-RSA-AES256-SHA384, MAC-then-encrypt"
}

# TLS 1.3: curl with TLS_AES_128_GCM_SHA256 and TLS_CHACHA20_POLY1305_SHA256, lftp (GnuTLS) default
ftps_tls13() {
    local cap=ftps-tls13.pcap R=$RECV/ftps-tls13.pcap K
    begin $cap; K=$(ftps_keys_begin $cap)
    vsftpd_ftps tls13
    cap_start $cap $NS_S s-eth0
    FTPS_CURL "$K" --tlsv1.3 --tls13-ciphers TLS_AES_128_GCM_SHA256 "ftp://$FTPS_NAME/pub/readme.txt" -o "$R/readme.txt"
    FTPS_CURL "$K" --tlsv1.3 --tls13-ciphers TLS_CHACHA20_POLY1305_SHA256 -T "$CF/up-6k.txt" "ftp://$FTPS_NAME/upload/"
    mkdir -p "$R/lftp"
    c env SSLKEYLOGFILE="$K" timeout 60 lftp -u $USERPASS -e "set ftp:ssl-force yes; \
        set ftp:ssl-protect-data yes; set ssl:verify-certificate no; set cmd:fail-exit yes; \
        set net:max-retries 1; lcd $R/lftp; get pub/small.bin; bye" "ftp://$S1" > "$R/lftp.out" 2>&1
    cap_stop; vsftpd_stop; ftps_keys_end $cap
    cat "$R/lftp.out" >&2
    same "$R/readme.txt" "$HOMEDIR/pub/readme.txt"
    same "$CF/up-6k.txt" "$HOMEDIR/upload/up-6k.txt"
    same "$R/lftp/small.bin" "$HOMEDIR/pub/small.bin"
    row $cap "curl $C1" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt" "TLS 1.3 TLS_AES_128_GCM_SHA256"
    row $cap "curl $C1" STOR /upload/up-6k.txt "$HOMEDIR/upload/up-6k.txt" "TLS 1.3 TLS_CHACHA20_POLY1305_SHA256"
    row $cap "lftp $C1" RETR /pub/small.bin "$HOMEDIR/pub/small.bin" "TLS 1.3, GnuTLS default suite"
}

# vsftpd require_ssl_reuse=YES: curl resumes the control connection's session on its data
# connections (TLS 1.2 and 1.3); ftplib does not, and vsftpd refuses its data connection
ftps_ssl_reuse() {
    local cap=ftps-ssl-reuse.pcap R=$RECV/ftps-ssl-reuse.pcap K
    begin $cap; K=$(ftps_keys_begin $cap)
    vsftpd_ftps reuse require_ssl_reuse=YES
    cap_start $cap $NS_S s-eth0
    FTPS_CURL "$K" --tls-max 1.2 "ftp://$FTPS_NAME/pub/" -o "$R/list-pub.txt" \
        "ftp://$FTPS_NAME/pub/readme.txt" -o "$R/readme.txt"
    FTPS_CURL "$K" --tlsv1.3 "ftp://$FTPS_NAME/pub/small.bin" -o "$R/small.bin"
    pyt no-reuse $cap "$K"
    cap_stop; vsftpd_stop; ftps_keys_end $cap
    same "$R/readme.txt" "$HOMEDIR/pub/readme.txt"
    same "$R/small.bin" "$HOMEDIR/pub/small.bin"
    row $cap "curl $C1" LIST /pub/ "$(wire_listing "$R/list-pub.txt")" "TLS 1.2, data connection resumes the session; $CURL_LIST_NOTE"
    row $cap "curl $C1" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt" "TLS 1.2, data connection resumes the session"
    row $cap "curl $C1" RETR /pub/small.bin "$HOMEDIR/pub/small.bin" "TLS 1.3, data connection resumes by PSK"
}

# implicit FTPS: TLS from the first byte on port 990; passive data, and active data from port 989
ftps_implicit() {
    local cap=ftps-implicit.pcap R=$RECV/ftps-implicit.pcap K
    begin $cap; K=$(ftps_keys_begin $cap)
    vsftpd_ftps implicit implicit_ssl=YES listen_port=990 connect_from_port_20=YES ftp_data_port=989
    cap_start $cap $NS_S s-eth0
    FTPS_CURL "$K" --tls-max 1.2 "ftps://$FTPS_NAME:990/pub/" -o "$R/list-pub.txt" \
        "ftps://$FTPS_NAME:990/pub/readme.txt" -o "$R/readme.txt"
    # active: curl 7.88.1 cannot (after accepting the server's connection: "sa_addr inet_ntop()
    # failed with errno 97"), lftp can
    mkdir -p "$R/lftp"
    c env SSLKEYLOGFILE="$K" timeout 30 lftp -u $USERPASS -e "set ftp:passive-mode off; \
        set ftp:ssl-protect-data yes; set ssl:verify-certificate no; set net:max-retries 1; \
        lcd $R/lftp; get pub/small.bin; bye" "ftps://$S1:990" > "$R/lftp.out" 2>&1
    cap_stop; vsftpd_stop; ftps_keys_end $cap
    same "$R/readme.txt" "$HOMEDIR/pub/readme.txt"
    same "$R/lftp/small.bin" "$HOMEDIR/pub/small.bin"
    row $cap "curl $C1" LIST /pub/ "$(wire_listing "$R/list-pub.txt")" "implicit TLS 1.2 on 990, passive; $CURL_LIST_NOTE"
    row $cap "curl $C1" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt" "implicit TLS 1.2 on 990, passive"
    row $cap "lftp $C1" RETR /pub/small.bin "$HOMEDIR/pub/small.bin" "implicit TLS 1.3 on 990 (GnuTLS), PORT; data from server port 989"
}

# "login works, LIST hangs": the router drops the passive range; the 227/229 is encrypted, so no
# firewall helper could have opened it.  Recorded on the router's client side.
ftps_blocked_pasv() {
    local cap=ftps-blocked-pasv.pcap R=$RECV/ftps-blocked-pasv.pcap K
    begin $cap; K=$(ftps_keys_begin $cap)
    r iptables -A FORWARD -p tcp -d $S1 --dport 40000:40100 -j DROP
    vsftpd_ftps blocked
    cap_start $cap $NS_R r-cli
    FTPS_CURL "$K" --tls-max 1.2 "ftp://$FTPS_NAME/pub/" -o "$R/list.txt" > "$R/curl.out" 2>&1 || true
    pyt blocked $cap "$K" || true
    cap_stop; vsftpd_stop; ftps_keys_end $cap
    cat "$R/curl.out" >&2
}

# ProFTPD 1.3.8 mod_tls on S2, TLSRequired auth+data: the client clears the control channel
# after login (CCC); commands and replies continue in clear, the data stays PROT P
PROFTPD=/opt/rec-proftpd/usr/sbin/proftpd
PROFTPD_MODS=/opt/rec-proftpd/usr/lib/proftpd
PROFTPD_PID=""
proftpd_start() {  # proftpd_start NAME [extra config lines]
    local name=$1; shift
    ftps_certs
    local conf=$TMPD/proftpd-$name.conf
    cat > "$conf" <<EOF
ServerName "ftpscope test server (ProFTPD)"
ServerIdent on "ftpscope test server (ProFTPD) ready."
ServerType standalone
DefaultServer on
DefaultAddress $S2
SocketBindTight on
Port 21
UseIPv6 off
UseReverseDNS off
User nobody
Group nogroup
PidFile $TMPD/proftpd.pid
ScoreboardFile $TMPD/proftpd.scoreboard
DelayTable none
WtmpLog off
AuthPAM off
AuthOrder mod_auth_unix.c
RequireValidShell off
DefaultRoot ~
PassivePorts 40200 40300
SystemLog $LOGS/$name.proftpd.log
TransferLog $LOGS/$name.proftpd.xferlog
ModulePath $PROFTPD_MODS
LoadModule mod_tls.c
<IfModule mod_tls.c>
  TLSEngine on
  TLSLog $LOGS/$name.proftpd-tls.log
  TLSProtocol TLSv1.2
  TLSRSACertificateFile $TMPD/ftps.crt
  TLSRSACertificateKeyFile $TMPD/ftps.key
  TLSCertificateChainFile $TMPD/ftps-ca.crt
  TLSVerifyClient off
  TLSRequired auth+data
</IfModule>
<Directory />
  AllowOverwrite on
</Directory>
EOF
    local l
    for l in "$@"; do echo "$l" >> "$conf"; done
    s "$PROFTPD" -n -c "$conf" > "$LOGS/$name.proftpd.out" 2>&1 &
    PROFTPD_PID=$!
    local i
    for i in $(seq 50); do
        s ss -Hltn "src $S2 and sport = :21" | grep -q LISTEN && return 0
        kill -0 "$PROFTPD_PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "proftpd did not start:" >&2; cat "$LOGS/$name.proftpd.out" >&2; exit 1
}
proftpd_stop() {
    [ -n "$PROFTPD_PID" ] || return 0
    kill "$PROFTPD_PID" 2>/dev/null; wait "$PROFTPD_PID" 2>/dev/null || true; PROFTPD_PID=""
    local p
    for p in $(ip netns pids $NS_S); do
        [ "$(cat /proc/$p/comm 2>/dev/null)" = proftpd ] && kill "$p" 2>/dev/null
    done
    sleep 0.2
}

ftps_ccc() {
    local cap=ftps-ccc.pcap R=$RECV/ftps-ccc.pcap K
    begin $cap; K=$(ftps_keys_begin $cap)
    proftpd_start ccc
    cap_start $cap $NS_S s-eth0
    c env SSLKEYLOGFILE="$K" "${CURL[@]}" --ssl-reqd -k --ftp-ssl-ccc --ftp-ssl-ccc-mode active \
        --resolve "$FTPS_NAME:21:$S2" -u $USERPASS \
        "ftp://$FTPS_NAME/pub/" -o "$R/list-pub.txt" \
        "ftp://$FTPS_NAME/pub/readme.txt" -o "$R/readme.txt"
    cap_stop; proftpd_stop; ftps_keys_end $cap
    cat "$LOGS/ccc.proftpd-tls.log" >&2 || true
    same "$R/readme.txt" "$HOMEDIR/pub/readme.txt"
    row $cap "curl $C1" LIST /pub/ "$(wire_listing "$R/list-pub.txt")" "ProFTPD, CCC after login, data PROT P; $CURL_LIST_NOTE"
    row $cap "curl $C1" RETR /pub/readme.txt "$HOMEDIR/pub/readme.txt" "ProFTPD, CCC after login, data PROT P"
}

# ================================================================ main
main() {
    preflight
    ensure_user
    setup_net
    make_client_files
    write_pyclient
    write_pyclient2
    write_pyclient_tls
    local sc
    for sc in $ONLY; do "$sc"; done
    write_tsv
    rm -rf "$SRV"
    log "done"
    ls -l "$OUT" >&2
    [ "$MISMATCH" = 0 ] || { echo "!!! some transfers did not match, see above" >&2; exit 2; }
}
# record-big.sh sources this file for its functions and runs its own main
[ -n "${RECORD_LIB:-}" ] || main "$@"
