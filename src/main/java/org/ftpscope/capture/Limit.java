package org.ftpscope.capture;

import java.util.Locale;

/**
 * Every bound on what ftpscope reads or keeps, by name. Past a limit the analysis goes on and a
 * {@link CaptureWarning} naming the limit says what was dropped (docs/limits.md lists them all).
 *
 * <p>The limits on things kept for the whole capture (frames, streams, sessions, control lines)
 * are a share of the Java heap divided by what one item costs, so a capture that fits is never
 * cut and one that does not ends with a warning instead of {@code OutOfMemoryError}; the per-item
 * costs were measured with {@code jcmd GC.class_histogram} (docs/bounds.md).
 */
public enum Limit {
    /** Wireshark's WTAP_MAX_PACKET_SIZE_STANDARD: a larger captured length means a damaged record. */
    CAPTURED_LENGTH(262_144, "captured bytes of one frame"),
    PCAPNG_BLOCK(16 << 20, "bytes of one pcapng block"),
    /** The frame index keeps interface ids in 16 bits. */
    PCAPNG_INTERFACES(65_536, "interfaces in one pcapng file"),
    /** 26 bytes of frame index per frame (FrameIndex), a quarter of the heap. */
    FRAMES(heapShare(4, 26, Integer.MAX_VALUE - 1), "frames read"),
    /** Frames of a streaming pass (no frame index kept): frame numbers are Java ints. */
    FRAME_NUMBERS(Integer.MAX_VALUE - 1, "frames numbered in one pass"),
    /** Bytes a gzip-compressed capture may inflate to in its temp file. */
    INFLATED_BYTES(2L << 30, "bytes a compressed capture may inflate to"),
    /**
     * Out-of-order bytes waiting behind a hole in one TCP stream direction (copied, so they cost
     * heap); past it the hole is declared a gap and what waited is delivered.
     */
    OUT_OF_ORDER_BYTES(4 << 20, "bytes waiting behind a hole in one TCP stream direction"),
    /** About 800 bytes of heap per TCP stream once read, a quarter of the heap. */
    TCP_STREAMS(heapShare(4, 800, 1_000_000), "TCP streams tracked"),
    /** About 4 KB per FTP session (state while reading, then the session), an eighth of the heap. */
    FTP_SESSIONS(heapShare(8, 4096, 1_000_000), "FTP sessions followed"),
    /** About 250 bytes per control line kept (the text, its record and its pairing), an eighth of the heap. */
    CONTROL_LINES(heapShare(8, 250, 50_000_000), "control-channel lines kept in the whole capture"),
    CONTROL_LINES_PER_SESSION(100_000, "control-channel lines kept per session"),
    /** One multi-line reply: its lines are counted, not only their characters. */
    REPLY_LINES(10_000, "lines kept of one multi-line reply"),
    REPLY_CHARS(1 << 20, "characters kept of one multi-line reply"),
    /** Commands sent and not yet answered; past it the oldest stops waiting for its reply. */
    PENDING_COMMANDS(10_000, "commands awaiting a reply in one session"),
    /** Parse findings (malformed lines, invalid setups) kept per session; the rest are counted. */
    FINDINGS_PER_SESSION(1_000, "parse findings kept per session"),
    /** Data-channel setups (PASV/PORT …) kept per session; later ones are counted. */
    SETUPS_PER_SESSION(100_000, "data-channel setups kept per session"),
    /** Transfer commands (RETR, STOR, LIST …) kept per session; later ones are counted. */
    TRANSFERS_PER_SESSION(100_000, "transfer commands kept per session"),
    EXPECTED_CHANNELS(65_536, "expected data channels kept"),
    /**
     * Frames remembered to recognise a later exact copy (DuplicateFrames, about 40 bytes each); a frame
     * captured at the time of frames already forgotten cannot be compared with them.
     */
    REMEMBERED_FRAMES(1 << 18, "frames remembered to recognise exact copies"),
    /** ICMP destination-unreachable messages kept to explain unanswered SYNs; later ones are counted. */
    ICMP_UNREACHABLE(65_536, "ICMP destination-unreachable messages kept"),
    /** Arrows drawn in one session's ladder diagram in the HTML report; the story lists all. */
    LADDER_ARROWS(2_000, "arrows drawn in one session's ladder diagram"),
    /**
     * Rows of one session's story and of its transfers table in an HTML or Markdown report (for
     * people to read); the JSON and CSV reports list everything the analysis kept.
     */
    REPORT_ROWS(10_000, "rows of one session's table in an HTML or Markdown report"),
    /** Nesting of a display filter (parentheses, {@code !}); deeper filters are refused. */
    FILTER_DEPTH(256, "nesting depth of a display filter"),
    /**
     * Nested layers decoded in one frame: VLAN tags, IPv6 extension headers (each kind counted on
     * its own). Past it the frame is "too deeply nested": its tree ends with a node that says where
     * decoding stopped. Wireshark's gui_max_tree_depth is 100 too.
     */
    DETAIL_TREE_DEPTH(100, "nested layers decoded in one frame"),

    // Bounds that were constants of their own classes (docs/limits.md); each class's constant refers to its Limit.
    /** One control-channel line (ControlLineSplitter): a longer one is cut there, the rest up to its line end dropped. */
    CONTROL_LINE_BYTES(64 << 10, "bytes kept of one control-channel line"),
    /** Gaps in one session's control channel listed as findings one by one (ControlFeed); one more finding counts the rest. */
    CONTROL_GAP_FINDINGS(50, "control-channel gaps listed one by one per session"),
    /** Data connections an encrypted session's finding names one by one (EncryptedSessionDataRule); the rest are counted. */
    ENCRYPTED_DATA_LISTED(20, "inferred data connections named in one finding"),
    /** Frame numbers one group of findings lists (present.FindingGroups); the single findings hold them all. */
    FINDING_GROUP_FRAMES(10_000, "frames listed in one group of findings"),
    /** IP-in-IP tunnels (6in4, IP in IP) decoded through in one frame (PacketDecoder); a deeper packet is not decoded. */
    IP_TUNNELS(4, "IP-in-IP tunnels decoded through in one frame"),
    /**
     * Connections a cut-control-channel finding names one by one (CutControlChannelRule): those that
     * began between the hosts of a session whose control channel the snaplen cut; the rest are counted.
     */
    CUT_SESSION_DATA_LISTED(20, "connections named in one cut-control-channel finding");

    private final long value;
    private final String what;

    Limit(long value, String what) {
        this.value = value;
        this.what = what;
    }

    public long value() { return value; }

    public int intValue() { return (int) Math.min(value, Integer.MAX_VALUE); }

    /** What is bounded, e.g. "TCP streams tracked". */
    public String what() { return what; }

    /** How a warning names the limit: {@code limit TCP_STREAMS (100,000 TCP streams tracked)}. */
    public String label() {
        return "limit " + name() + " (" + String.format(Locale.ROOT, "%,d", value) + " " + what + ")";
    }

    private static long heapShare(int divisor, int bytesPerItem, long cap) {
        long heap = Runtime.getRuntime().maxMemory();
        if (heap == Long.MAX_VALUE) return cap;
        return Math.max(1, Math.min(cap, heap / divisor / bytesPerItem));
    }
}
