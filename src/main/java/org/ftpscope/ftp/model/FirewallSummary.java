package org.ftpscope.ftp.model;

import org.ftpscope.decode.IpAddr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a firewall in front of one FTP server must allow for the traffic seen: the control port,
 * the passive ports the server advertised, and the ports active-mode connections came from.
 *
 * @param passivePorts      ports advertised in passive-mode setups (227/229/228)
 * @param activeSourcePorts source ports of the server's active-mode data connections
 * @param activeClientPorts ports clients named in PORT/EPRT/LPRT
 */
public record FirewallSummary(IpAddr server, SortedSet<Integer> controlPorts, SortedSet<Integer> passivePorts,
                              SortedSet<Integer> activeSourcePorts, SortedSet<Integer> activeClientPorts,
                              boolean tlsSeen, int sessions) {

    public int passiveMin() { return passivePorts.isEmpty() ? -1 : passivePorts.first(); }

    public int passiveMax() { return passivePorts.isEmpty() ? -1 : passivePorts.last(); }

    /** Example iptables rules allowing exactly what was seen (plus the range between). */
    public List<String> iptablesRules() {
        List<String> r = new ArrayList<>();
        String cmd = server.v6() ? "ip6tables" : "iptables";
        for (int p : controlPorts) {
            r.add(cmd + " -A INPUT -p tcp -d " + server + " --dport " + p + " -m conntrack --ctstate NEW,ESTABLISHED -j ACCEPT");
        }
        if (!passivePorts.isEmpty()) {
            r.add(cmd + " -A INPUT -p tcp -d " + server + " --dport " + range(":")
                    + " -m conntrack --ctstate NEW,ESTABLISHED -j ACCEPT");
        }
        if (!activeSourcePorts.isEmpty()) {
            String sport = activeSourcePorts.equals(new TreeSet<>(List.of(20))) ? " --sport 20" : "";
            r.add(cmd + " -A OUTPUT -p tcp -s " + server + sport + " --dport 1024:65535"
                    + " -m conntrack --ctstate NEW,ESTABLISHED -j ACCEPT");
        }
        return r;
    }

    /** The same as an nftables rule set fragment. */
    public List<String> nftablesRules() {
        List<String> r = new ArrayList<>();
        String fam = server.v6() ? "ip6" : "ip";
        List<String> ports = new ArrayList<>();
        for (int p : controlPorts) ports.add(Integer.toString(p));
        if (!passivePorts.isEmpty()) ports.add(range("-"));
        r.add("add rule inet filter input " + fam + " daddr " + server + " tcp dport { " + String.join(", ", ports)
                + " } ct state new,established accept");
        if (!activeSourcePorts.isEmpty()) {
            String sport = activeSourcePorts.equals(new TreeSet<>(List.of(20))) ? " tcp sport 20" : " meta l4proto tcp";
            r.add("add rule inet filter output " + fam + " saddr " + server + sport
                    + " tcp dport 1024-65535 ct state new,established accept");
        }
        return r;
    }

    /** Server settings that pin the passive range to what was seen. */
    public List<String> serverDirectives() {
        if (passivePorts.isEmpty()) return List.of();
        int lo = passiveMin(), hi = passiveMax();
        return List.of(
                "vsftpd: pasv_min_port=" + lo + " and pasv_max_port=" + hi,
                "ProFTPD: PassivePorts " + lo + " " + hi,
                "Pure-FTPd: --passiveportrange " + lo + ":" + hi,
                "FileZilla Server: Passive mode > Use custom port range " + lo + "-" + hi);
    }

    /** Notes that go with the rules. */
    public List<String> notes() {
        List<String> n = new ArrayList<>();
        if (!passivePorts.isEmpty() && passiveMin() != passiveMax()) {
            n.add("Passive ports seen: " + passivePorts.size() + " distinct in " + range("-")
                    + "; the server's configured range may be wider.");
        }
        SortedSet<Integer> privileged = activeClientPorts.headSet(1024);
        if (!privileged.isEmpty()) {
            // The rule above opens 1024-65535 only; a PORT to a privileged port is the bounce pattern.
            n.add("Active-mode setups named client port" + (privileged.size() == 1 ? " " : "s ") + privileged
                    + " (below 1024), which the rule above does not open: most servers refuse such a PORT "
                    + "(vsftpd, ProFTPD), since it is how FTP bounce attacks reach other services. Open "
                    + (privileged.size() == 1 ? "it" : "them") + " only if the transfer was intended.");
        }
        if (tlsSeen) {
            n.add("The control channel is encrypted (AUTH TLS): FTP connection-tracking helpers cannot see "
                    + "the ports, so the passive range must be opened statically.");
        } else {
            n.add("Alternatively, stateful firewalls can follow the control channel with an FTP helper "
                    + "(Linux: nf_conntrack_ftp with a ct helper rule) and open data ports on demand.");
        }
        return n;
    }

    private String range(String sep) {
        return passiveMin() == passiveMax() ? Integer.toString(passiveMin()) : passiveMin() + sep + passiveMax();
    }

    /** One summary per server address, from the sessions' setups and data connections. */
    public static List<FirewallSummary> of(List<FtpSession> sessions) {
        Map<IpAddr, List<FtpSession>> byServer = new TreeMap<>();
        for (FtpSession s : sessions) byServer.computeIfAbsent(s.server().ip(), k -> new ArrayList<>()).add(s);
        List<FirewallSummary> out = new ArrayList<>();
        for (Map.Entry<IpAddr, List<FtpSession>> e : byServer.entrySet()) {
            SortedSet<Integer> control = new TreeSet<>(), passive = new TreeSet<>(), activeSrc = new TreeSet<>(),
                    activeClient = new TreeSet<>();
            boolean tls = false;
            for (FtpSession s : e.getValue()) {
                control.add(s.server().port());
                tls |= s.tls();
                for (DataSetup d : s.setups()) {
                    if (d.replyCode() >= 400) continue;
                    if (!d.endpointKnown()) continue; // a cut reply without its connection names no port
                    if (d.mode().passive()) passive.add(d.advertised().port());
                    else activeClient.add(d.advertised().port());
                }
                for (Transfer t : s.transfers()) {
                    if (t.data() != null && t.setup() != null && !t.setup().mode().passive()
                            && t.data().state() != DataState.MISSING) {
                        activeSrc.add(t.data().client().port());
                    }
                }
            }
            out.add(new FirewallSummary(e.getKey(), control, passive, activeSrc, activeClient, tls, e.getValue().size()));
        }
        return out;
    }
}
