package org.ftpscope.filter;

import org.ftpscope.decode.FrameSummarizer;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.decode.TcpAnalysisFlags;
import org.ftpscope.decode.TcpFrameContext;
import org.ftpscope.ftp.Analysis;
import org.ftpscope.ftp.DataSetup;
import org.ftpscope.ftp.FrameViews;
import org.ftpscope.ftp.FtpSession;
import org.ftpscope.ftp.Parsed;
import org.ftpscope.ftp.SetupAddress;
import org.ftpscope.ftp.SetupParsers;
import org.ftpscope.ftp.StreamRole;
import org.ftpscope.ftp.Transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Field values of one analysed frame, decoded once and read as the filter asks for them. One
 * instance is reused frame after frame (no per-frame allocation but the values handed out).
 */
public final class AnalysisFields implements FieldValues {
    /** Below this many frames one thread filters; above, the frames are split between cores. */
    static final int PARALLEL_THRESHOLD = 50_000;

    private final Analysis analysis;
    private final FrameViews views;
    private final org.ftpscope.tcp.TcpFrameTable table;
    private final PacketInfo info = new PacketInfo();
    private byte[] bytes = new byte[2048];
    private int frame;
    private int stream;
    private int flags;
    private TcpFrameContext context;

    public AnalysisFields(Analysis analysis) {
        this.analysis = analysis;
        this.views = new FrameViews(analysis);
        this.table = analysis.tcpFrames();
    }

    /** Points at a frame, read from the capture; the next {@link #values} calls answer for it. */
    public AnalysisFields at(int frame) {
        byte[] b;
        try {
            b = analysis.capture().readFrame(frame);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return load(frame, analysis.capture().index().linkType(frame), b, 0, b.length);
    }

    /** Points at a frame whose bytes are {@code buf[off..off+len)} (copied; buf may be reused after). */
    AnalysisFields load(int frame, int linkType, byte[] buf, int off, int len) {
        if (bytes.length < len) bytes = new byte[Math.max(len, bytes.length * 2)];
        System.arraycopy(buf, off, bytes, 0, len);
        PacketDecoder.decode(linkType, bytes, 0, len, info);
        this.frame = frame;
        this.stream = info.tcp ? table.stream(frame) : -1;
        this.flags = table.analysisFlags(frame);
        this.context = null;
        return this;
    }

    private TcpFrameContext tcp() {
        if (context == null) context = table.context(frame, info);
        return context;
    }

    /**
     * Frames matching a filter, in capture order. The capture is read sequentially in large
     * windows, by two threads on two halves of the frames when there are many.
     */
    public static int[] matching(Analysis a, DisplayFilter f) {
        int n = a.capture().frameCount();
        if (f.isEmpty()) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i + 1;
            return all;
        }
        int parts = n < PARALLEL_THRESHOLD ? 1 : Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        int[][] results = new int[parts][];
        RuntimeException[] failures = new RuntimeException[parts];
        Thread[] threads = new Thread[parts];
        for (int i = 0; i < parts; i++) {
            int part = i;
            int from = (int) ((long) n * i / parts) + 1, to = (int) ((long) n * (i + 1) / parts);
            Runnable r = () -> {
                try {
                    results[part] = scan(a, f, from, to);
                } catch (RuntimeException e) {
                    failures[part] = e;
                }
            };
            if (i == parts - 1) {
                r.run();
            } else {
                threads[i] = new Thread(r, "ftpscope-filter-" + i);
                threads[i].setDaemon(true);
                threads[i].start();
            }
        }
        for (Thread t : threads) {
            if (t == null) continue;
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("filtering interrupted", e);
            }
        }
        for (RuntimeException e : failures) if (e != null) throw e;
        int total = 0;
        for (int[] r : results) total += r.length;
        int[] out = new int[total];
        int k = 0;
        for (int[] r : results) {
            System.arraycopy(r, 0, out, k, r.length);
            k += r.length;
        }
        return out;
    }

    private static int[] scan(Analysis a, DisplayFilter f, int from, int to) {
        AnalysisFields v = new AnalysisFields(a);
        int[] out = new int[Math.max(0, to - from + 1)];
        int[] k = {0};
        try {
            a.capture().scan(from, to, (frame, ts, link, orig, buf, off, cap) -> {
                if (f.matches(v.load(frame, link, buf, off, cap))) out[k[0]++] = frame;
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.util.Arrays.copyOf(out, k[0]);
    }

    /** Every IPv4 address of the frame: the outer headers of a 6in4 / IP-in-IP tunnel too, as tshark matches them. */
    private static List<Object> ipv4Addresses(PacketInfo p, boolean src, boolean dst) {
        if (p.ipVersion != 4 && p.tunnels == 0) return List.of();
        List<Object> out = new java.util.ArrayList<>(2 * p.tunnels + 2);
        for (int t = 0; t < p.tunnels; t++) {
            if (src) out.add(org.ftpscope.decode.IpAddr.v4((int) p.tunnelSrc[t]));
            if (dst) out.add(org.ftpscope.decode.IpAddr.v4((int) p.tunnelDst[t]));
        }
        if (p.ipVersion == 4) {
            if (src) out.add(p.src());
            if (dst) out.add(p.dst());
        }
        return out;
    }

    @Override
    public List<Object> values(Field field) {
        PacketInfo p = info;
        String n = field.name();
        return switch (n) {
            case "frame" -> one(1L);
            case "eth" -> p.linkType == org.ftpscope.capture.LinkType.ETHERNET ? one(1L) : none();
            case "arp" -> p.etherType == PacketDecoder.ETH_ARP ? one(1L) : none();
            case "ip" -> p.ipVersion == 4 || p.tunnels > 0 ? one(1L) : none();
            case "ipv6" -> p.ipVersion == 6 ? one(1L) : none();
            case "icmp" -> p.ipVersion == 4 && p.ipProtocol == PacketDecoder.IP_ICMP ? one(1L) : none();
            case "icmpv6" -> p.ipProtocol == PacketDecoder.IP_ICMPV6 ? one(1L) : none();
            case "tcp" -> p.tcp ? one(1L) : none();
            case "udp" -> p.udp ? one(1L) : none();
            case "ftp" -> "FTP".equals(protocol()) ? one(1L) : none();
            case "ftp-data" -> "FTP-DATA".equals(protocol()) ? one(1L) : none();
            case "frame.number" -> one((long) frame);
            case "frame.len" -> one((long) analysis.capture().index().originalLength(frame));
            case "frame.cap_len" -> one((long) analysis.capture().index().capturedLength(frame));
            case "frame.time_relative" -> List.of(analysis.capture().index().relativeSeconds(frame));
            case "ip.addr" -> ipv4Addresses(p, true, true);
            case "ip.src" -> ipv4Addresses(p, true, false);
            case "ip.dst" -> ipv4Addresses(p, false, true);
            case "ip.ttl" -> p.ipVersion == 4 ? one((long) p.ttl) : none();
            case "ip.proto" -> {
                // Each outer tunnel header carries the next: IP in IP (4), or 6in4 (41) for the innermost IPv6.
                List<Object> v = new java.util.ArrayList<>(p.tunnels + 1);
                for (int t = 0; t < p.tunnels; t++) {
                    v.add((long) (t == p.tunnels - 1 && p.ipVersion == 6 ? PacketDecoder.IP_IPV6 : PacketDecoder.IP_IPV4));
                }
                if (p.ipVersion == 4) v.add((long) p.ipProtocol);
                yield v;
            }
            case "ipv6.addr" -> p.ipVersion == 6 ? List.of(p.src(), p.dst()) : none();
            case "ipv6.src" -> p.ipVersion == 6 ? List.of(p.src()) : none();
            case "ipv6.dst" -> p.ipVersion == 6 ? List.of(p.dst()) : none();
            case "tcp.port" -> p.tcp ? List.of((long) p.srcPort, (long) p.dstPort) : none();
            case "tcp.srcport" -> p.tcp ? one((long) p.srcPort) : none();
            case "tcp.dstport" -> p.tcp ? one((long) p.dstPort) : none();
            case "tcp.stream" -> p.tcp && stream >= 0 ? one((long) stream) : none();
            case "tcp.len" -> p.tcp ? one((long) p.payloadLength) : none();
            case "tcp.seq" -> p.tcp ? one(stream >= 0 ? (p.seq - tcp().seqBase()) & 0xFFFFFFFFL : p.seq) : none();
            case "tcp.ack" -> p.tcp && p.has(PacketInfo.ACK)
                    ? one(tcp().ackBase() >= 0 ? (p.ack - tcp().ackBase()) & 0xFFFFFFFFL : p.ack) : none();
            case "tcp.window_size_value" -> p.tcp ? one((long) p.window) : none();
            case "tcp.flags.syn" -> flag(p, PacketInfo.SYN);
            case "tcp.flags.ack" -> flag(p, PacketInfo.ACK);
            case "tcp.flags.fin" -> flag(p, PacketInfo.FIN);
            case "tcp.flags.reset" -> flag(p, PacketInfo.RST);
            case "tcp.flags.push" -> flag(p, PacketInfo.PSH);
            case "tcp.analysis.flags" -> flags != 0 ? one(1L) : none();
            case "tcp.analysis.retransmission" -> bit(flags, TcpAnalysisFlags.RETRANSMISSION);
            case "tcp.analysis.out_of_order" -> bit(flags, TcpAnalysisFlags.OUT_OF_ORDER);
            case "tcp.analysis.lost_segment" -> bit(flags, TcpAnalysisFlags.LOST_SEGMENT);
            case "tcp.analysis.duplicate_ack" -> bit(flags, TcpAnalysisFlags.DUPLICATE_ACK);
            case "tcp.analysis.fast_retransmission" -> bit(flags, TcpAnalysisFlags.FAST_RETRANSMISSION);
            case "tcp.analysis.zero_window" -> bit(flags, TcpAnalysisFlags.ZERO_WINDOW);
            case "udp.port" -> p.udp ? List.of((long) p.srcPort, (long) p.dstPort) : none();
            default -> n.startsWith("ftp-data.") ? ftpData(n) : n.startsWith("ftp.") ? ftp(n) : none();
        };
    }

    private String protocol() { return views.protocol(frame, stream, info); }

    private List<Object> ftp(String n) {
        StreamRole role = stream < 0 ? null : analysis.role(stream);
        if (role == null || !role.control()) return none();
        if (n.equals("ftp.session")) return one((long) role.session());
        if (!"FTP".equals(protocol())) return none();
        PacketInfo p = info;
        FtpSession s = analysis.sessions().get(role.session());
        boolean request = p.srcPort == s.client().port() && p.src().equals(s.client().ip());
        String line = FrameSummarizer.firstLine(bytes, p.payloadOffset, p.capturedPayloadLength);
        int sp = line.indexOf(' ');
        String head = sp < 0 ? line : line.substring(0, sp), arg = sp < 0 ? "" : line.substring(sp + 1);
        int code = request || head.length() != 3 || !head.chars().allMatch(Character::isDigit) ? -1 : Integer.parseInt(head);
        return switch (n) {
            case "ftp.request" -> request ? one(1L) : none();
            case "ftp.response" -> request ? none() : one(1L);
            case "ftp.request.command" -> request ? List.of(head.toUpperCase(Locale.ROOT)) : none();
            case "ftp.request.arg" -> request && sp >= 0 ? List.of(arg) : none();
            case "ftp.response.code" -> code >= 0 ? one((long) code) : none();
            case "ftp.response.arg" -> !request && sp >= 0 ? List.of(arg) : none();
            case "ftp.passive.ip", "ftp.passive.port" -> code == 227 ? address(SetupParsers.passive(arg), n.endsWith(".ip")) : none();
            case "ftp.epsv.port" -> code == 229 ? address(SetupParsers.extendedPassive(arg), false) : none();
            case "ftp.active.cip", "ftp.active.port" -> request && head.equalsIgnoreCase("PORT")
                    ? address(SetupParsers.port(arg), n.endsWith(".cip")) : none();
            case "ftp.eprt.port" -> request && head.equalsIgnoreCase("EPRT") ? address(SetupParsers.extendedPort(arg), false) : none();
            default -> none();
        };
    }

    private static List<Object> address(Parsed<SetupAddress> p, boolean ip) {
        if (!(p instanceof Parsed.Ok<SetupAddress> ok)) return none();
        if (ip) return ok.value().ip() == null ? none() : List.of(ok.value().ip());
        return one((long) ok.value().port());
    }

    private List<Object> ftpData(String n) {
        if (stream < 0) return none();
        DataSetup setup = analysis.setupOnStream(stream);
        Transfer t = analysis.transferOnStream(stream);
        return switch (n) {
            case "ftp-data.setup-frame" -> setup == null ? none() : one((long) setup.setupFrame());
            case "ftp-data.command" -> t == null ? none() : List.of(t.command() + (t.arg().isEmpty() ? "" : " " + t.arg()));
            case "ftp-data.command-frame" -> t == null ? none() : one((long) t.commandFrame());
            default -> none();
        };
    }

    private static List<Object> flag(PacketInfo p, int f) { return p.tcp ? one(p.has(f) ? 1L : 0L) : none(); }

    private static List<Object> bit(int flags, int b) { return (flags & b) != 0 ? one(1L) : none(); }

    private static List<Object> one(long v) { return List.of(v); }

    private static List<Object> none() { return List.of(); }
}
