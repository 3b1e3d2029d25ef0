# samples/twohost.sh -- sourced by record-port21.sh and record-auth-cleartext.sh: two network
# namespaces, ${NS}c (client, $C) and ${NS}s (server, $S), on a direct veth pair with offloads off
# (wire-sized frames, real checksums), a temp folder $T, record.sh's gen(), and one cleanup on exit
# that stops $VS (the server) and $TD (tcpdump). Never touches record.sh's namespaces.
# Set NS, C and S before sourcing; OUT defaults to this folder.
OUT=${OUT:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}
T=$(mktemp -d "/tmp/ftpscope-$NS.XXXXXX")
twohost_cleanup() {
    [ -n "${VS:-}" ] && kill "$VS" 2>/dev/null || true
    [ -n "${TD:-}" ] && kill "$TD" 2>/dev/null || true
    ip netns del "${NS}c" 2>/dev/null || true; ip netns del "${NS}s" 2>/dev/null || true
    rm -rf "$T"
}
trap twohost_cleanup EXIT
ip netns del "${NS}c" 2>/dev/null || true; ip netns del "${NS}s" 2>/dev/null || true
ip netns add "${NS}c"; ip netns add "${NS}s"
ip link add "${NS}c-eth0" netns "${NS}c" type veth peer name "${NS}s-eth0" netns "${NS}s"
ip netns exec "${NS}c" ip addr add "$C/24" dev "${NS}c-eth0"
ip netns exec "${NS}s" ip addr add "$S/24" dev "${NS}s-eth0"
for n in c s; do
    ip netns exec "$NS$n" ip link set lo up
    ip netns exec "$NS$n" ip link set "$NS$n-eth0" up
    ip netns exec "$NS$n" ethtool -K "$NS$n-eth0" tx off rx off tso off gso off gro off >/dev/null 2>&1 || true
done
ip netns exec "${NS}c" ip route add default dev "${NS}c-eth0"
ip netns exec "${NS}s" ip route add default dev "${NS}s-eth0"
# record.sh's deterministic files (readme.txt: 900 bytes, SHA-256 293ee650...); only gen() is taken,
# since sourcing record.sh would install its own traps and cleanup
PY=/usr/bin/python3
eval "$(sed -n '/^gen() {/,/^}/p' "$(dirname "${BASH_SOURCE[0]}")/record.sh")"
