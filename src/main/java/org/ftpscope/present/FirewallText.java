package org.ftpscope.present;

import org.ftpscope.ftp.FirewallSummary;

import java.util.List;

/** The firewall summary as plain text (the app's Findings view; the reports format the same facts). */
public final class FirewallText {
    private FirewallText() {}

    public static String of(List<FirewallSummary> servers) {
        if (servers.isEmpty()) return "No FTP server in this capture.";
        StringBuilder sb = new StringBuilder("Firewall summary\n\n");
        for (FirewallSummary fw : servers) {
            sb.append("Server ").append(fw.server()).append(" (").append(fw.sessions())
                    .append(fw.sessions() == 1 ? " session)\n" : " sessions)\n");
            sb.append("  control ports: ").append(fw.controlPorts()).append('\n');
            sb.append("  passive ports seen: ").append(fw.passivePorts().isEmpty() ? "none" : fw.passiveMin() + "–" + fw.passiveMax()
                    + " (" + fw.passivePorts().size() + " distinct)").append('\n');
            sb.append("  active-mode source ports: ").append(fw.activeSourcePorts().isEmpty() ? "none" : fw.activeSourcePorts())
                    .append("\n\n");
            sb.append("  iptables:\n");
            fw.iptablesRules().forEach(r -> sb.append("    ").append(r).append('\n'));
            sb.append("  nftables:\n");
            fw.nftablesRules().forEach(r -> sb.append("    ").append(r).append('\n'));
            if (!fw.serverDirectives().isEmpty()) {
                sb.append("  pin the passive range on the server:\n");
                fw.serverDirectives().forEach(r -> sb.append("    ").append(r).append('\n'));
            }
            fw.notes().forEach(r -> sb.append("  note: ").append(r).append('\n'));
            sb.append('\n');
        }
        return sb.toString();
    }
}
