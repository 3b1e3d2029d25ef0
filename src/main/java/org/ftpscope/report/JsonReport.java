package org.ftpscope.report;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.capture.CaptureFile;
import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.decode.Endpoint;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.model.CommandRecord;
import org.ftpscope.ftp.model.DataConnection;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.FirewallSummary;
import org.ftpscope.ftp.model.ForeignConnection;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.OrphanDataConnection;
import org.ftpscope.ftp.model.ReplyRecord;
import org.ftpscope.ftp.model.Shortfall;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.ftp.session.FtpResult;
import org.ftpscope.present.FindingGroup;
import org.ftpscope.present.FindingGroups;
import org.ftpscope.present.Masking;

import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code analyze} document: capture, sessions (commands, transfers), findings (one per event),
 * findingGroups (the findings grouped per kind and hosts, with counts), firewall.
 * Field names are stable; new fields may be added, none renamed.
 */
public final class JsonReport implements ReportWriter {
    @Override public String id() { return "json"; }

    @Override public String label() { return "JSON"; }

    @Override public List<String> extensions() { return List.of(".json"); }

    /** A group of findings that lists fewer frames than it involves (FINDING_GROUP_FRAMES), also in capture.warnings. */
    @Override
    public List<CaptureWarning> limitWarnings(Analysis a, ReportSelection sel) {
        return FindingGroups.limitWarnings(FindingGroups.of(sel.sessionsOf(a.ftp()), sel.findingsOf(a.ftp())));
    }

    /**
     * The selected sessions and their findings (and those about the whole capture); orphan data
     * connections and the firewall summary are the capture's and always written.
     */
    @Override
    public void write(Analysis a, ReportSelection sel, Writer out) {
        write(a.capture(), a.ftp(), sel, out);
    }

    /** The whole analysis, as {@code analyze --json} writes it. */
    public static void write(CaptureFile capture, FtpResult r, Writer out, boolean showPasswords) {
        write(capture, r, new ReportSelection(Set.of(), showPasswords), out);
    }

    private static void write(CaptureFile capture, FtpResult r, ReportSelection sel, Writer out) {
        Masking m = sel.masking();
        List<FtpSession> sessions = sel.sessionsOf(r);
        List<Finding> findings = sel.findingsOf(r);
        JsonWriter j = new JsonWriter(out);
        j.beginObject();
        j.name("capture").beginObject()
                .field("file", capture.path().getFileName().toString())
                .field("format", capture.formatLabel())
                .field("frames", capture.frameCount());
        j.name("linkTypes").beginArray();
        for (String l : ReportText.linkTypeNames(capture)) j.value(l);
        j.endArray();
        j.name("warnings").beginArray();
        for (CaptureWarning w : capture.warnings()) j.value(w.toString());
        for (CaptureWarning w : FindingGroups.limitWarnings(FindingGroups.of(sessions, findings))) j.value(w.toString());
        j.endArray();
        j.endObject();

        // which sessions this document covers: null for all of them
        j.name("selection").beginObject().name("sessions");
        if (sel.all()) j.nullValue();
        else {
            j.beginArray();
            for (int id : new TreeSet<>(sel.sessions())) j.value(id);
            j.endArray();
        }
        j.field("sessionsInCapture", r.sessions().size()).field("passwords", m.name().toLowerCase(Locale.ROOT)).endObject();

        j.name("sessions").beginArray();
        for (FtpSession s : sessions) session(j, s, m);
        j.endArray();

        j.name("findings").beginArray();
        for (Finding f : findings) {
            j.beginObject()
                    .field("kind", f.kind().id())
                    .field("severity", f.severity().label())
                    .field("session", f.session())
                    .field("frame", f.frame())
                    .field("title", f.kind().title())
                    .field("message", f.message());
            j.name("frames").beginArray();
            for (int fr : f.frames()) j.value(fr);
            j.endArray();
            j.endObject();
        }
        j.endArray();

        findingGroups(j, r.sessions(), findings);

        j.name("orphanDataConnections").beginArray();
        for (OrphanDataConnection o : r.orphanDataConnections()) {
            j.beginObject().field("stream", o.stream());
            endpoint(j, "client", o.client());
            endpoint(j, "server", o.server());
            j.field("firstFrame", o.firstFrame()).field("lastFrame", o.lastFrame())
                    .field("bytesToServer", o.bytesToServer()).field("bytesToClient", o.bytesToClient())
                    .field("reason", o.reason()).endObject();
        }
        j.endArray();

        j.name("firewall").beginObject();
        j.name("servers").beginArray();
        for (FirewallSummary fw : r.firewall()) firewall(j, fw);
        j.endArray();
        j.endObject();
        j.endObject();
        j.flush();
    }

    /** The findings grouped per kind and hosts ({@link FindingGroups}); {@code findings} stays the per-event list. */
    private static void findingGroups(JsonWriter j, List<FtpSession> sessions, List<Finding> findings) {
        j.name("findingGroups").beginArray();
        for (FindingGroup g : FindingGroups.of(sessions, findings)) {
            j.beginObject()
                    .field("kind", g.kind().id())
                    .field("severity", g.severity().label())
                    .field("title", g.kind().title())
                    .field("count", g.count())
                    .field("findings", g.findings().size())
                    .field("client", g.client() == null ? null : g.client().toString())
                    .field("server", g.server() == null ? null : g.server().toString())
                    .field("peer", g.peer() == null ? null : g.peer().toString());
            j.name("sessions").beginArray();
            for (int s : g.sessions()) j.value(s);
            j.endArray();
            j.field("firstFrame", g.firstFrame());
            j.name("frames").beginArray();
            for (int fr : g.frames()) j.value(fr);
            j.endArray();
            j.field("framesNotListed", g.framesNotListed())
                    .field("message", g.message());
            j.endObject();
        }
        j.endArray();
    }

    private static void session(JsonWriter j, FtpSession s, Masking m) {
        j.beginObject().field("id", s.id());
        endpoint(j, "client", s.client());
        endpoint(j, "server", s.server());
        j.field("controlStream", s.controlStream())
                .field("firstFrame", s.firstFrame())
                .field("lastFrame", s.lastFrame())
                .field("user", s.user());
        if (s.password() != null) j.field("password", m.password(s.password()));
        j.field("login", s.login().label())
                .field("tls", s.tls());
        if (s.tls()) j.field("tlsFrame", s.tlsFrame());
        j.name("commands").beginArray();
        for (CommandRecord c : s.commands()) {
            j.beginObject().field("frame", c.frame())
                    .field("command", c.command())
                    .field("arg", m.argument(c.command(), c.arg()));
            j.fieldOrNull("replyCode", c.replyCode());
            j.field("replyFrame", c.replyFrame())
                    .field("replyText", c.replyText());
            if (c.replyMillis() >= 0) j.field("replyMillis", Math.round(c.replyMillis() * 1000), 3);
            if (c.note() != null) j.field("note", c.note());
            ReplyRecord last = c.finalReply();
            if (last != null && last.lines().size() > 1) {
                j.name("replyLines").beginArray();
                for (String l : last.lines()) j.value(l);
                j.endArray();
            }
            if (c.replies().size() > 1) {
                j.name("replies").beginArray();
                for (ReplyRecord rr : c.replies()) {
                    j.beginObject().field("frame", rr.frame()).fieldOrNull("code", rr.code())
                            .field("text", rr.text()).endObject();
                }
                j.endArray();
            }
            j.endObject();
        }
        j.endArray();
        j.name("transfers").beginArray();
        for (Transfer t : s.transfers()) transfer(j, t);
        j.endArray();
        j.endObject();
    }

    private static void transfer(JsonWriter j, Transfer t) {
        j.beginObject()
                .field("command", t.command())
                .field("arg", t.arg())
                .field("path", t.path())
                .field("commandFrame", t.commandFrame());
        DataSetup setup = t.setup();
        if (setup != null && !setup.endpointKnown()) {
            j.field("mode", setup.mode().name()).field("setupFrame", setup.setupFrame());
            j.name("advertised").nullValue();
        } else if (setup != null) {
            j.field("mode", setup.mode().name()).field("setupFrame", setup.setupFrame());
            j.name("advertised").beginObject()
                    .field("ip", setup.advertised().ip().toString())
                    .field("port", setup.advertised().port())
                    .field("portMath", setup.portMath())
                    .endObject();
        } else {
            j.name("mode").nullValue().name("setupFrame").nullValue().name("advertised").nullValue();
        }
        DataConnection d = t.data();
        j.name("data").beginObject();
        if (d.stream() >= 0) {
            j.field("stream", d.stream());
            endpoint(j, "client", d.client());
            endpoint(j, "server", d.server());
            j.field("synFrame", d.synFrame())
                    .field("synCount", d.synCount())
                    .field("usedAdvertisedAddress", d.usedAdvertisedAddress());
            if (setup != null && !setup.mode().passive()) j.field("sourcePort20", d.sourcePort20());
        } else {
            j.name("stream").nullValue();
        }
        j.field("state", d.state().label());
        j.endObject();
        j.field("direction", t.direction().label())
                .field("bytes", t.bytes())
                .fieldOrNull("expectedBytes", t.expectedBytes())
                .field("complete", t.complete())
                .field("gapBytes", t.gapBytes())
                .field("truncated", t.truncated())
                .field("sha256", t.sha256());
        j.fieldOrNull("replyCode", t.replyCode());
        j.field("replyFrame", t.replyFrame())
                .field("replyText", t.replyText())
                .field("outcome", t.outcome().label())
                .field("outcomeEvidence", t.outcomeEvidence());
        j.name("incomplete").beginArray();
        for (Shortfall x : t.shortfalls()) {
            j.beginObject().field("reason", x.cause().id()).field("frame", x.frame());
            if (x.bytes() >= 0) j.field("bytes", x.bytes());
            j.field("text", x.text()).endObject();
        }
        j.endArray();
        if (setup != null && !setup.foreignConnections().isEmpty()) {
            j.name("foreignConnections").beginArray();
            for (ForeignConnection f : setup.foreignConnections()) connection(j, f);
            j.endArray();
        }
        j.fieldOrNull("restOffset", t.restOffset())
                .field("type", t.type())
                .field("durationSeconds", Math.round(t.durationSeconds() * 1e6), 6)
                .field("throughputBytesPerSecond", Math.round(t.throughput()));
        j.endObject();
    }

    /** A connection to a setup's port from a host other than the expected one. */
    private static void connection(JsonWriter j, ForeignConnection f) {
        DataConnection d = f.connection();
        j.beginObject().field("stream", d.stream());
        endpoint(j, "client", d.client());
        endpoint(j, "server", d.server());
        j.field("synFrame", d.synFrame()).field("firstFrame", d.firstFrame()).field("lastFrame", d.lastFrame())
                .field("state", d.state().label()).field("bytesFromClient", d.bytesFromClient())
                .field("bytesFromServer", d.bytesFromServer())
                .field("sha256FromClient", f.sha256FromClient()).field("sha256FromServer", f.sha256FromServer()).endObject();
    }

    private static void firewall(JsonWriter j, FirewallSummary fw) {
        j.beginObject().field("server", fw.server().toString()).field("sessions", fw.sessions());
        j.name("controlPorts").beginArray();
        for (int p : fw.controlPorts()) j.value(p);
        j.endArray();
        j.name("passivePortRange");
        if (fw.passivePorts().isEmpty()) j.nullValue();
        else j.beginObject().field("min", fw.passiveMin()).field("max", fw.passiveMax())
                .field("distinct", fw.passivePorts().size()).endObject();
        j.name("activeSourcePorts").beginArray();
        for (int p : fw.activeSourcePorts()) j.value(p);
        j.endArray();
        j.name("activeClientPorts").beginArray();
        for (int p : fw.activeClientPorts()) j.value(p);
        j.endArray();
        j.field("tls", fw.tlsSeen());
        j.name("iptables").beginArray();
        for (String s : fw.iptablesRules()) j.value(s);
        j.endArray();
        j.name("nftables").beginArray();
        for (String s : fw.nftablesRules()) j.value(s);
        j.endArray();
        j.name("serverDirectives").beginArray();
        for (String s : fw.serverDirectives()) j.value(s);
        j.endArray();
        j.name("notes").beginArray();
        for (String s : fw.notes()) j.value(s);
        j.endArray();
        j.endObject();
    }

    private static void endpoint(JsonWriter j, String name, Endpoint e) {
        j.name(name);
        if (e == null) {
            j.nullValue();
            return;
        }
        j.beginObject().field("ip", e.ip().toString()).field("port", e.port()).endObject();
    }
}
