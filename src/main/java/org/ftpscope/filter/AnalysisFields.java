package org.ftpscope.filter;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.decode.DetailNode;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.decode.TcpAnalysisFlags;
import org.ftpscope.decode.TcpFrameContext;
import org.ftpscope.fields.FieldDef;
import org.ftpscope.fields.FrameFields;
import org.ftpscope.fields.FtpDataFields;
import org.ftpscope.fields.FtpFields;
import org.ftpscope.fields.IpFields;
import org.ftpscope.fields.LinkFields;
import org.ftpscope.fields.TcpFields;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.StreamRole;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.present.FrameViews;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
    private int length;
    private TcpFrameContext context;
    /** The frame's tree fields, built the first time a filter asks for one without a fast path. */
    private Map<FieldDef, List<Object>> treeValues;
    /** The same for the FTP or FTP-DATA subtree alone. */
    private Map<FieldDef, List<Object>> payloadValues;

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
        this.length = len;
        this.context = null;
        this.treeValues = null;
        this.payloadValues = null;
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

    /** The values of a field read from the fast-path fields of a frame, without its detail tree. */
    @FunctionalInterface
    private interface FastValues {
        /** The values, or null when this frame needs its tree to tell. */
        List<Object> of(AnalysisFields f);
    }

    /**
     * The fields a filter over a large capture is likely to name, read from {@link PacketInfo} and
     * the analysis; every other field is read from the frame's detail tree (see docs/fields.md).
     */
    private static final Map<FieldDef, FastValues> FAST = new IdentityHashMap<>();

    private static void fast(FieldDef f, FastValues v) { FAST.put(f, v); }

    static {
        fast(FrameFields.FRAME, a -> one(1L));
        fast(LinkFields.ETHERNET, a -> a.info.linkType == org.ftpscope.decode.link.Ethernet.LINK_TYPE ? one(1L) : none());
        fast(LinkFields.ARP, a -> a.info.etherType == PacketDecoder.ETH_ARP ? one(1L) : none());
        fast(IpFields.IP, a -> a.info.ipVersion == 4 || a.info.tunnels > 0 ? one(1L) : none());
        fast(IpFields.IPV6, a -> a.info.ipVersion == 6 ? one(1L) : none());
        fast(IpFields.ICMP, a -> a.info.ipVersion == 4 && a.info.ipProtocol == PacketDecoder.IP_ICMP ? one(1L) : none());
        fast(IpFields.ICMPV6, a -> a.info.ipProtocol == PacketDecoder.IP_ICMPV6 ? one(1L) : none());
        fast(TcpFields.TCP, a -> a.info.tcp ? one(1L) : none());
        fast(TcpFields.UDP, a -> a.info.udp ? one(1L) : none());
        fast(FtpFields.FTP, a -> "FTP".equals(a.protocol()) ? one(1L) : none());
        fast(FtpDataFields.FTP_DATA, a -> a.ftpData() ? one(1L) : none());
        fast(FrameFields.NUMBER, a -> one((long) a.frame));
        fast(FrameFields.LEN, a -> one((long) a.analysis.capture().index().originalLength(a.frame)));
        fast(FrameFields.CAP_LEN, a -> one((long) a.analysis.capture().index().capturedLength(a.frame)));
        fast(FrameFields.TIME_RELATIVE, a -> List.of(a.analysis.capture().index().relativeSeconds(a.frame)));
        fast(IpFields.ADDR, a -> ipv4Addresses(a.info, true, true));
        fast(IpFields.SRC, a -> ipv4Addresses(a.info, true, false));
        fast(IpFields.DST, a -> ipv4Addresses(a.info, false, true));
        // The fast path keeps no TTL of a tunnel's outer headers.
        fast(IpFields.TTL, a -> a.info.tunnels > 0 ? null : a.info.ipVersion == 4 ? one((long) a.info.ttl) : none());
        fast(IpFields.PROTO, a -> {
            PacketInfo p = a.info;
            // Each outer tunnel header carries the next: IP in IP (4), or 6in4 (41) for the innermost IPv6.
            List<Object> v = new ArrayList<>(p.tunnels + 1);
            for (int t = 0; t < p.tunnels; t++) {
                v.add((long) (t == p.tunnels - 1 && p.ipVersion == 6 ? PacketDecoder.IP_IPV6 : PacketDecoder.IP_IPV4));
            }
            if (p.ipVersion == 4) v.add((long) p.ipProtocol);
            return v;
        });
        fast(IpFields.V6_ADDR, a -> a.info.ipVersion == 6 ? List.of(a.info.src(), a.info.dst()) : none());
        fast(IpFields.V6_SRC, a -> a.info.ipVersion == 6 ? List.of(a.info.src()) : none());
        fast(IpFields.V6_DST, a -> a.info.ipVersion == 6 ? List.of(a.info.dst()) : none());
        fast(TcpFields.PORT, a -> a.info.tcp ? List.of((long) a.info.srcPort, (long) a.info.dstPort) : none());
        fast(TcpFields.SRCPORT, a -> a.info.tcp ? one((long) a.info.srcPort) : none());
        fast(TcpFields.DSTPORT, a -> a.info.tcp ? one((long) a.info.dstPort) : none());
        fast(TcpFields.STREAM, a -> a.info.tcp && a.stream >= 0 ? one((long) a.stream) : none());
        fast(TcpFields.LEN, a -> a.info.tcp ? one((long) a.info.payloadLength) : none());
        fast(TcpFields.SEQ, a -> a.info.tcp
                ? one(a.stream >= 0 ? (a.info.seq - a.tcp().seqBase()) & 0xFFFFFFFFL : a.info.seq) : none());
        fast(TcpFields.ACK, a -> !a.info.tcp ? none() : one(a.info.has(PacketInfo.ACK) && a.stream >= 0 && a.tcp().ackBase() >= 0
                ? (a.info.ack - a.tcp().ackBase()) & 0xFFFFFFFFL : a.info.ack));
        fast(TcpFields.WINDOW_SIZE_VALUE, a -> a.info.tcp ? one((long) a.info.window) : none());
        fast(TcpFields.FLAGS_SYN, a -> flag(a.info, PacketInfo.SYN));
        fast(TcpFields.FLAGS_ACK, a -> flag(a.info, PacketInfo.ACK));
        fast(TcpFields.FLAGS_FIN, a -> flag(a.info, PacketInfo.FIN));
        fast(TcpFields.FLAGS_RESET, a -> flag(a.info, PacketInfo.RST));
        fast(TcpFields.FLAGS_PUSH, a -> flag(a.info, PacketInfo.PSH));
        fast(TcpFields.ANALYSIS_FLAGS, a -> a.flags != 0 ? one(1L) : none());
        for (int bit : TcpAnalysisFlags.allBits()) fast(TcpAnalysisFlags.field(bit), a -> bit(a.flags, bit));
        fast(TcpFields.UDP_PORT, a -> a.info.udp ? List.of((long) a.info.srcPort, (long) a.info.dstPort) : none());
        fast(FtpFields.SESSION, a -> {
            StreamRole role = a.stream < 0 ? null : a.analysis.role(a.stream);
            return role == null || !role.control() ? none() : one((long) role.session());
        });
        // Per-connection facts, fast because a data connection is most of a large capture's frames.
        fast(FtpDataFields.SETUP_FRAME, a -> {
            DataSetup setup = a.ftpData() ? a.analysis.setupOnStream(a.stream) : null;
            // As the tree: a setup whose line was cut names no endpoint and is not shown.
            return setup == null || !setup.endpointKnown() ? none() : one((long) setup.setupFrame());
        });
        fast(FtpDataFields.COMMAND, a -> {
            Transfer t = a.ftpData() ? a.analysis.transferOnStream(a.stream) : null;
            return t == null ? none() : List.of(t.command() + (t.arg().isEmpty() ? "" : " " + t.arg()));
        });
        fast(FtpDataFields.COMMAND_FRAME, a -> {
            Transfer t = a.ftpData() ? a.analysis.transferOnStream(a.stream) : null;
            return t == null ? none() : one((long) t.commandFrame());
        });
    }

    /** Whether the field is read without building the frame's detail tree. */
    public static boolean hasFastPath(FieldDef f) { return FAST.containsKey(f); }

    @Override
    public List<Object> values(FieldDef field) {
        FastValues fast = FAST.get(field);
        List<Object> v = fast == null ? null : fast.of(this);
        if (v != null) return v;
        // A field of a protocol absent from the frame is absent too: no tree needed to say so.
        FastValues protocol = field.protocol() == null ? null : FAST.get(field.protocol());
        List<Object> present = protocol == null ? null : protocol.of(this);
        if (present != null && present.isEmpty()) return none();
        if (field.protocol() == FtpFields.FTP || field.protocol() == FtpDataFields.FTP_DATA) {
            // Their subtree alone: the header layers are most of the cost of a tree.
            if (payloadValues == null) {
                DetailNode app = views.payloadTree(new FrameViews.Decoded(frame, bytes, info, tcp()));
                payloadValues = app == null ? Map.of() : TreeValues.of(app);
            }
            return payloadValues.getOrDefault(field, List.of());
        }
        if (treeValues == null) {
            treeValues = TreeValues.of(views.tree(new FrameViews.Decoded(frame, java.util.Arrays.copyOf(bytes, length), info, tcp())));
        }
        return treeValues.getOrDefault(field, List.of());
    }

    private String protocol() { return views.protocol(frame, stream, info); }

    private boolean ftpData() { return "FTP-DATA".equals(protocol()); }

    private static List<Object> flag(PacketInfo p, int f) { return p.tcp ? one(p.has(f) ? 1L : 0L) : none(); }

    private static List<Object> bit(int flags, int b) { return (flags & b) != 0 ? one(1L) : none(); }

    private static List<Object> one(long v) { return List.of(v); }

    private static List<Object> none() { return List.of(); }
}
