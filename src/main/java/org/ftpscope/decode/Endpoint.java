package org.ftpscope.decode;

/** An address and TCP port; printed as {@code ip:port} or {@code [ipv6]:port}. */
public record Endpoint(IpAddr ip, int port) {
    @Override
    public boolean equals(Object o) { return o instanceof Endpoint e && e.port == port && e.ip.equals(ip); }

    @Override
    public int hashCode() { return ip.hashCode() * 31 + port; }

    @Override
    public String toString() {
        return ip.v6() ? "[" + ip + "]:" + port : ip + ":" + port;
    }
}
