package org.ftpscope.present;

import org.ftpscope.ftp.model.FirewallSummary;

import java.util.ArrayList;
import java.util.List;

/**
 * The firewall summary's words, written once: the app shows {@link #of(List)} as plain text, the
 * HTML and Markdown reports lay out the same {@link Server} parts. JSON keeps the raw facts.
 */
public final class FirewallText {
    private FirewallText() {}

    public static final String TITLE = "Firewall summary";
    public static final String NO_SERVER = "No FTP server in this capture.";
    public static final String DIRECTIVES = "Pin the passive range on the server:";

    /**
     * Said under the title when a report covers some sessions only: the summary is the capture's,
     * its ports come from every session. Null when the report covers them all.
     */
    public static String scope(int sessionsShown, int sessionsInCapture) {
        return sessionsShown == sessionsInCapture ? null
                : "From all " + sessionsInCapture + " sessions of the capture, not only the " + sessionsShown + " in this report.";
    }

    /** One labelled fact, e.g. ("Passive ports seen", "40000–40099 (12 distinct)"). */
    public record Fact(String label, String value) {}

    /** One server's summary: a title, its facts, the rules and the server directives and notes. */
    public record Server(String title, List<Fact> facts, List<String> iptables, List<String> nftables,
                         List<String> directives, List<String> notes) {}

    public static Server of(FirewallSummary fw) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Control ports", fw.controlPorts().toString()));
        facts.add(new Fact("Passive ports seen", fw.passivePorts().isEmpty() ? "none"
                : fw.passiveMin() + "–" + fw.passiveMax() + " (" + fw.passivePorts().size() + " distinct)"));
        facts.add(new Fact("Active-mode source ports", fw.activeSourcePorts().isEmpty() ? "none" : fw.activeSourcePorts().toString()));
        String title = "Server " + fw.server() + " (" + fw.sessions() + (fw.sessions() == 1 ? " session)" : " sessions)");
        return new Server(title, List.copyOf(facts), fw.iptablesRules(), fw.nftablesRules(), fw.serverDirectives(), fw.notes());
    }

    /** The summary of all servers as plain text. */
    public static String of(List<FirewallSummary> servers) {
        if (servers.isEmpty()) return NO_SERVER;
        StringBuilder sb = new StringBuilder(TITLE).append("\n\n");
        for (FirewallSummary fw : servers) {
            Server s = of(fw);
            sb.append(s.title()).append('\n');
            s.facts().forEach(f -> sb.append("  ").append(f.label()).append(": ").append(f.value()).append('\n'));
            sb.append("\n  iptables:\n");
            s.iptables().forEach(r -> sb.append("    ").append(r).append('\n'));
            sb.append("  nftables:\n");
            s.nftables().forEach(r -> sb.append("    ").append(r).append('\n'));
            if (!s.directives().isEmpty()) {
                sb.append("  ").append(DIRECTIVES).append('\n');
                s.directives().forEach(r -> sb.append("    ").append(r).append('\n'));
            }
            s.notes().forEach(r -> sb.append("  note: ").append(r).append('\n'));
            sb.append('\n');
        }
        return sb.toString();
    }
}
