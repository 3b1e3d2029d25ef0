package org.ftpscope.decode;

/** An address and TCP port; printed as {@code ip:port} or {@code [ipv6]:port}. */
public record Endpoint(IpAddr ip, int port) {
    @Override
    public String toString() {
        return ip.v6() ? "[" + ip + "]:" + port : ip + ":" + port;
    }
}
