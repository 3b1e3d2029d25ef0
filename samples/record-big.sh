#!/usr/bin/env bash
# samples/record-big.sh -- record a LARGE real FTP capture for the benchmark (not committed).
#
#     sudo bash samples/record-big.sh            # samples/big/big.pcap, about 1.4 GB and 1.1 M frames
#     sudo TARGET_MB=300 bash samples/record-big.sh
#
# Same network namespaces and vsftpd as record.sh (whose functions it sources). Four Python
# ftplib workers run sessions in parallel until the capture on the server's link reaches
# TARGET_MB: each session logs in (anonymous or ftpuser), lists, downloads a mix of small,
# medium and large files, uploads one, in passive (PASV/EPSV) or active (PORT/EPRT) mode. Two
# of every ten sessions are curl, one is lftp. Then editcap cuts prefixes of about 0.25, 0.5 and 1 GB
# (big-250m.pcap, big-500m.pcap, big-1000m.pcap) for the linearity figures. The SHA-256 of every server file
# is written to samples/big/files.sha256.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
RECORD_LIB=1 source "$HERE/record.sh"
BIG=$HERE/big
OUT=$BIG
TARGET_MB=${TARGET_MB:-1400}

make_big_tree() {
    make_server_tree
    local d
    for d in "$ANON/pub" "$HOMEDIR/pub"; do
        mkdir -p "$d/big"
        # sizes chosen so a session moves 0.1-70 MB; content is random, so nothing compresses
        local n size
        for n in $(seq 1 40); do head -c $((n * 1500 + 17)) /dev/urandom > "$d/big/s$n.bin"; done
        for n in 1 2 3 4 5 6; do head -c $((n * 1000003)) /dev/urandom > "$d/big/m$n.bin"; done
        for n in 1 2; do head -c $((n * 16000057)) /dev/urandom > "$d/big/l$n.bin"; done
    done
    chown -R ftpuser:ftpuser "$HOMEDIR"; chmod -R a+rX "$ANON"
    (cd "$ANON/pub/big" && sha256sum *.bin) > "$BIG/files-anon.sha256"
    (cd "$HOMEDIR/pub/big" && sha256sum *.bin) > "$BIG/files-ftpuser.sha256"
}

write_big_driver() {
cat > "$TMPD/bigdrv.py" <<'PYEOF'
"""Runs FTP sessions from 4 threads until the capture file reaches the target size."""
import ftplib, os, random, subprocess, sys, threading
S1 = "198.51.100.21"
CLIENTS = ["192.0.2.10", "192.0.2.11", "192.0.2.12", "192.0.2.13"]
cap, target, upload = sys.argv[1], int(sys.argv[2]) << 20, sys.argv[3]
done = threading.Event()
lock = threading.Lock()
count = {"sessions": 0, "failed": 0}

def full():
    try:
        return os.path.getsize(cap) >= target
    except OSError:
        return False

class Ftp(ftplib.FTP):
    """ftplib uses EPSV/EPRT only over IPv6; this one uses them over IPv4 when asked."""
    extended = False

    def makepasv(self):
        if not self.extended:
            return super().makepasv()
        return ftplib.parse229(self.sendcmd("EPSV"), self.sock.getpeername())

    def sendport(self, host, port):
        if not self.extended:
            return super().sendport(host, port)
        return self.sendeprt(host, port)

def ftplib_session(rnd, src, k, i):
    ftp = Ftp(timeout=30, source_address=(src, 0))
    ftp.connect(S1, 21)
    user = rnd.random() < 0.5
    if user:
        ftp.login("ftpuser", "ftpsecret")
    else:
        ftp.login("anonymous", "bench@example.org")
    ftp.set_pasv(rnd.random() >= 0.3)
    ftp.extended = rnd.random() < 0.3
    ftp.cwd("/pub/big")
    ftp.retrlines("LIST", lambda l: None)
    names = ["s%d.bin" % rnd.randint(1, 40) for _ in range(rnd.randint(2, 12))]
    r = rnd.random()
    if r < 0.6:
        names.append("m%d.bin" % rnd.randint(1, 6))
    if r < 0.15:
        names.append("l%d.bin" % rnd.randint(1, 2))
    for n in names:
        ftp.size(n)
        ftp.retrbinary("RETR " + n, lambda b: None, blocksize=65536)
    if user:
        name = "/upload/bench-%d-%d.bin" % (k, i)
        with open(upload, "rb") as f:
            ftp.storbinary("STOR " + name, f, blocksize=65536)
        ftp.delete(name)
    ftp.quit()

def curl_session(rnd, src):
    url = "ftp://%s/pub/big/" % S1
    args = ["curl", "-sS", "--max-time", "120", "--interface", src, "-o", "/dev/null", url]
    for _ in range(rnd.randint(1, 5)):
        args += ["-o", "/dev/null", url + "s%d.bin" % rnd.randint(1, 40)]
    if rnd.random() < 0.5:
        args += ["-o", "/dev/null", url + "m%d.bin" % rnd.randint(1, 6)]
    if rnd.random() < 0.5:
        args.insert(1, "--disable-epsv")
    if rnd.random() < 0.2:
        args.insert(1, "-P" + src)
    subprocess.run(args, check=True)

def lftp_session(rnd, src, n):
    cmds = "set net:timeout 20; set net:max-retries 1; set ftp:passive-mode %s; open -u ftpuser,ftpsecret %s; cd pub/big; ls; set xfer:clobber on; get s%d.bin -o /tmp/ftpscope-lftp-get; put %s -o /upload/lftp-%d.bin; rm /upload/lftp-%d.bin; bye" % (
        "off" if rnd.random() < 0.3 else "on", S1, rnd.randint(1, 40), upload, n, n)
    # lftp binds to no particular source address; the default route picks 192.0.2.10
    subprocess.run(["lftp", "-c", cmds], check=True, stdout=subprocess.DEVNULL)

def worker(k):
    rnd = random.Random(1000 + k)
    src = CLIENTS[k]
    i = 0
    while not done.is_set():
        i += 1
        kind = i % 10
        try:
            if kind in (3, 7):
                curl_session(rnd, src)
            elif kind == 5 and k == 0:
                lftp_session(rnd, src, i)
            else:
                ftplib_session(rnd, src, k, i)
            with lock:
                count["sessions"] += 1
        except Exception as e:
            with lock:
                count["failed"] += 1
            print("session failed:", k, i, e, file=sys.stderr)
        if full():
            done.set()

threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print("sessions %(sessions)d failed %(failed)d" % count)
PYEOF
}

big_main() {
    preflight
    ensure_user
    mkdir -p "$BIG"
    rm -f "$BIG"/big*.pcap
    setup_net
    make_big_tree
    head -c 1000000 /dev/urandom > "$CF/bench-up.bin"
    write_big_driver
    vsftpd_start big "max_clients=50" "max_per_ip=20"
    log "capturing until $TARGET_MB MB"
    # a large kernel buffer and no per-packet flush, so tcpdump keeps up
    ip netns exec "$NS_S" tcpdump -n -Z root -i s-eth0 -B 262144 -s 0 -w "$BIG/big.pcap" 2> "$LOGS/big.tcpdump" &
    CAP_PID=$!
    wait_for "$LOGS/big.tcpdump" "listening on"
    c "$PY" "$TMPD/bigdrv.py" "$BIG/big.pcap" "$TARGET_MB" "$CF/bench-up.bin"
    cap_stop; vsftpd_stop
    cat "$LOGS/big.tcpdump" >&2
    # prefixes of about 0.25, 0.5 and 1 GB (whole frames) for the linearity figures
    local frames size t
    frames=$(capinfos -T -r -c "$BIG/big.pcap" | awk -F'\t' '{print $2}')
    size=$(stat -c %s "$BIG/big.pcap")
    for t in 250 500 1000; do
        editcap -F pcap -r "$BIG/big.pcap" "$BIG/big-${t}m.pcap" "1-$((frames * t * 1000000 / size))"
    done
    chmod a+r "$BIG"/*
    capinfos -T -c -s "$BIG"/big*.pcap >&2
    rm -rf "$SRV"
}
big_main "$@"
