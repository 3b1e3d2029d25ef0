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
    /**
     * TCP connections awaiting acknowledged bytes not yet read, at once (TcpReassembler); past it the
     * oldest wait ends, and what it awaited is declared missing.
     */
    REORDER_WAITS(256, "TCP connections awaiting acknowledged bytes at once"),
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
    CUT_SESSION_DATA_LISTED(20, "connections named in one cut-control-channel finding"),
    /**
     * Lines extract prints on stderr for transfers not written, and as many for files written
     * incomplete (cli.ExtractAccount); one more line counts the rest by reason, the total stays exact.
     */
    EXTRACT_LISTED(100, "transfers named one by one on extract's stderr, of those not written and of those written incomplete"),

    // TLS (were TlsLimits): hit only where TLS is read, i.e. with a key log (analyze, report, the app …) and by tls.
    /**
     * Cleartext bytes (FTP lines before AUTH TLS) searched for the start of TLS in one stream
     * direction; past it the direction is taken as not TLS. A control connection whose TLS starts
     * later is then not decrypted, and its TLS finding and a warning say so.
     */
    TLS_CLEARTEXT_PREFIX(64 << 10, "cleartext bytes searched for the start of TLS in one stream direction"),
    /** One handshake message (RFC 8446 allows 2^24 - 1 bytes): a larger one (a certificate chain, say) is skipped, not buffered. */
    TLS_HANDSHAKE_MESSAGE(256 << 10, "bytes of one TLS handshake message"),
    /** Certificates parsed of a server's Certificate message; the rest are counted. */
    TLS_CERTIFICATES(10, "certificates parsed of one TLS Certificate message"),
    /** Alerts kept per TLS connection; further ones are counted. */
    TLS_ALERTS(32, "TLS alerts kept per connection"),
    /**
     * TLS 1.2 session ids (and, as many again, session tickets) remembered in one capture, so that a
     * resumed connection whose client random is not in the key log can still be decrypted.
     */
    TLS_SESSION_CACHE(100_000, "TLS 1.2 session ids, and as many session tickets, remembered for resumption"),
    /** Bytes read of a key log; the rest of the file is not read. */
    KEYLOG_BYTES(64 << 20, "bytes read of a key log"),
    /**
     * About 216 bytes of heap per secret kept (its hex client random, the secret, the map entry;
     * measured for CLIENT_RANDOM lines, docs/limits.md), an eighth of the heap. 64 MiB of key log
     * holds up to 729,444 secret lines, about 157 MB of them kept: with the file's bytes more than
     * half of a 256 MiB heap before any capture is read.
     */
    KEYLOG_SECRETS(heapShare(8, 216, 1_000_000), "secrets kept from a key log"),
    /**
     * One key log line: a line of the labels ftpscope uses is at most 225 bytes, but the format allows
     * padding, so a longer line is ignored and counted rather than called malformed.
     */
    KEYLOG_LINE_BYTES(1024, "bytes of one key log line"),
    /**
     * Decrypted application data one stream's TLS frame view keeps for the detail tree (both
     * directions); the records beyond it are still named and counted, and the tree says their
     * plaintext was not kept (Follow and extract read it again from the capture).
     */
    TLS_VIEW_PLAINTEXT(1 << 20, "decrypted bytes one stream's TLS frame view keeps"),
    /** A cache, not a bound on what is shown: an evicted stream's TLS frame view is read again from the capture; no warning. */
    TLS_VIEWS_CACHED(64, "streams whose TLS frame view is kept at once"),
    /** Holes in extracted files are filled with zeros so later bytes keep their offsets; past this, they are left out. */
    GAP_FILL_BYTES(64L << 20, "bytes of holes filled with zeros in the files one extraction writes");

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
