package org.ftpscope.ui.model;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.beans.value.ObservableValue;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.StreamSpans;
import org.ftpscope.tcp.TcpStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Follow TCP Stream, as Wireshark's dialog: one stream of the capture shown, both directions in
 * capture order or one of them, as ASCII, a hex dump or raw hex; gaps the capture lacks are
 * marked, never filled. Bound to one capture: when the window's capture changes it is emptied.
 */
public final class FollowStreamViewModel {
    public enum Show { ASCII("ASCII"), HEX_DUMP("Hex Dump"), RAW("Raw");
        private final String title;

        Show(String title) { this.title = title; }

        public String title() { return title; }
    }

    /** Which directions are shown. */
    public enum Side { BOTH, CLIENT_TO_SERVER, SERVER_TO_CLIENT }

    /** One segment's text, from the client or the server, or a gap (dir null). */
    public record Piece(Direction direction, int frame, String text) {
        public boolean gap() { return direction == null; }
    }

    /** Bytes shown at most (the rest is said to be cut, and Save as writes everything). */
    public static final long MAX_SHOWN_BYTES = 2_000_000;

    private final ReadOnlyIntegerWrapper stream = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Show> show = new SimpleObjectProperty<>(Show.ASCII);
    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(Side.BOTH);
    private final ObservableList<Piece> pieces = FXCollections.observableArrayList();
    private LoadedCapture capture;
    private TcpStream tcp;
    /** True when the stream is TLS and the capture was analysed with a key log: Follow TLS Stream. */
    private boolean decrypted;

    public FollowStreamViewModel() {
        show.addListener((o, a, b) -> fill());
        side.addListener((o, a, b) -> fill());
    }

    /** Bound to the window's capture: when it is closed or replaced, the stream followed is forgotten. */
    public FollowStreamViewModel(ObservableValue<LoadedCapture> windowCapture) {
        this();
        windowCapture.addListener((o, old, now) -> { if (capture != null && now != capture) clear(); });
    }

    public ReadOnlyIntegerProperty streamProperty() { return stream.getReadOnlyProperty(); }

    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    public ObjectProperty<Show> showProperty() { return show; }

    public ObjectProperty<Side> sideProperty() { return side; }

    public ObservableList<Piece> pieces() { return pieces; }

    public LoadedCapture capture() { return capture; }

    /** Follows stream {@code index} of {@code c}. */
    public void follow(LoadedCapture c, int index) {
        capture = c;
        tcp = c.analysis().streams().get(index);
        stream.set(index);
        decrypted = c.analysis().decrypting() && c.analysis().tlsView(index).isTls();
        title.set("Follow " + (decrypted ? "TLS" : "TCP") + " Stream (tcp.stream eq " + index + ") · " + c.name());
        fill();
    }

    /** Forgets the stream (the capture was closed or replaced). */
    public void clear() {
        capture = null;
        tcp = null;
        decrypted = false;
        stream.set(-1);
        title.set("");
        summary.set("");
        pieces.clear();
    }

    /** The first piece at or after {@code from} whose text contains {@code text} (case-insensitive), or -1. */
    public int find(String text, int from) {
        if (text == null || text.isEmpty()) return -1;
        String needle = text.toLowerCase(Locale.ROOT);
        for (int i = Math.max(0, from); i < pieces.size(); i++) {
            if (pieces.get(i).text().toLowerCase(Locale.ROOT).contains(needle)) return i;
        }
        return -1;
    }

    /** Save as…: the shown directions' bytes (raw for Raw; as shown for ASCII and Hex Dump), all of them. */
    public void save(Path target) throws IOException {
        if (tcp == null) throw new IOException("no stream is followed");
        if (capture.isClosed()) throw new IOException(capture.name() + " was closed: follow the stream again after opening it");
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".ftpscope-follow-", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            if (decrypted) {
                long[] offsets = new long[2];
                decryptedChunks(Long.MAX_VALUE, (d, frame, data) -> {
                    if (d == null) return;
                    if (show.get() == Show.RAW) out.write(data);
                    else out.write(text(data, 0, data.length, offsets[d.ordinal()]).getBytes(StandardCharsets.UTF_8));
                    offsets[d.ordinal()] += data.length;
                });
            }
            for (long[] p : decrypted ? List.<long[]>of() : order(Long.MAX_VALUE)) {
                Direction d = Direction.values()[(int) p[1]];
                StreamSpans sp = tcp.spans(d);
                int i = (int) p[2];
                if (sp.isGap(i)) continue;
                byte[] b = capture.analysis().capture().readFrame(sp.frame(i));
                if (show.get() == Show.RAW) out.write(b, sp.offsetInFrame(i), sp.length(i));
                else out.write(text(b, sp.offsetInFrame(i), sp.length(i), p[3]).getBytes(StandardCharsets.UTF_8));
            }
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void fill() {
        pieces.clear();
        if (tcp == null || capture == null || capture.isClosed()) return;
        if (decrypted) {
            fillDecrypted();
            return;
        }
        long c2s = tcp.bytes(Direction.CLIENT_TO_SERVER), s2c = tcp.bytes(Direction.SERVER_TO_CLIENT);
        long gaps = tcp.gapBytes(Direction.CLIENT_TO_SERVER) + tcp.gapBytes(Direction.SERVER_TO_CLIENT);
        summary.set(switch (side.get()) {
            case BOTH -> "Entire conversation (" + (c2s + s2c) + " bytes)";
            case CLIENT_TO_SERVER -> tcp.client() + " → " + tcp.server() + " (" + c2s + " bytes)";
            case SERVER_TO_CLIENT -> tcp.server() + " → " + tcp.client() + " (" + s2c + " bytes)";
        } + (gaps > 0 ? ", " + gaps + " bytes missing in the capture" : ""));
        List<Piece> out = new ArrayList<>();
        long shown = 0;
        try {
            for (long[] p : order(MAX_SHOWN_BYTES)) {
                Direction d = Direction.values()[(int) p[1]];
                StreamSpans sp = tcp.spans(d);
                int i = (int) p[2];
                if (sp.isGap(i)) {
                    out.add(new Piece(null, -1, "[" + sp.length(i) + " bytes missing in capture]\n"));
                } else {
                    byte[] b = capture.analysis().capture().readFrame(sp.frame(i));
                    out.add(new Piece(d, sp.frame(i), text(b, sp.offsetInFrame(i), sp.length(i), p[3])));
                }
                shown += sp.length(i);
            }
        } catch (IOException e) {
            out.add(new Piece(null, -1, "Cannot read the capture: " + e.getMessage()));
        }
        long total = side.get() == Side.BOTH ? c2s + s2c : side.get() == Side.CLIENT_TO_SERVER ? c2s : s2c;
        if (shown < total) out.add(new Piece(null, -1, "\n[… the first " + shown + " of " + total + " bytes are shown; Save as writes all]"));
        pieces.setAll(out);
    }

    /** A decrypted stream's bytes in capture order: {@code direction} null for where decryption stopped ({@code data} the reason). */
    private interface ChunkSink { void chunk(Direction direction, int frame, byte[] data) throws IOException; }

    /**
     * Follow TLS Stream: the cleartext FTP before AUTH TLS and after CCC and the decrypted application
     * data, read again from the capture, up to about {@code limit} bytes.
     */
    private void decryptedChunks(long limit, ChunkSink sink) throws IOException {
        long[] n = {0};
        try {
            capture.analysis().readDecrypted(tcp.index(), new org.ftpscope.tls.PlaintextListener() {
                @Override
                public void plaintext(TcpStream s, Direction d, int firstFrame, int lastFrame, byte[] data) { take(d, lastFrame, data); }

                @Override
                public void cleartext(TcpStream s, Direction d, int frame, byte[] data) { take(d, frame, data); }

                @Override
                public void lost(TcpStream s, Direction d, int frame, String reason) {
                    if (!shown(d)) return;
                    try {
                        sink.chunk(null, frame, ("[" + (d == Direction.CLIENT_TO_SERVER ? "client" : "server") + ", frame " + frame
                                + ": " + reason + "]\n").getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                private void take(Direction d, int frame, byte[] data) {
                    if (!shown(d) || n[0] >= limit) return;
                    n[0] += data.length;
                    try {
                        sink.chunk(d, frame, data);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private boolean shown(Direction d) {
        return side.get() == Side.BOTH || (side.get() == Side.CLIENT_TO_SERVER) == (d == Direction.CLIENT_TO_SERVER);
    }

    private void fillDecrypted() {
        List<Piece> out = new ArrayList<>();
        long[] offsets = new long[2];
        long[] bytes = new long[2];
        try {
            decryptedChunks(MAX_SHOWN_BYTES, (d, frame, data) -> {
                if (d == null) {
                    out.add(new Piece(null, frame, new String(data, StandardCharsets.UTF_8)));
                    return;
                }
                out.add(new Piece(d, frame, text(data, 0, data.length, offsets[d.ordinal()])));
                offsets[d.ordinal()] += data.length;
                bytes[d.ordinal()] += data.length;
            });
        } catch (IOException e) {
            out.add(new Piece(null, -1, "Cannot read the capture: " + e.getMessage()));
        }
        long shown = bytes[0] + bytes[1];
        summary.set((switch (side.get()) {
            case BOTH -> "Entire conversation";
            case CLIENT_TO_SERVER -> tcp.client() + " → " + tcp.server();
            case SERVER_TO_CLIENT -> tcp.server() + " → " + tcp.client();
        }) + " (" + shown + " bytes decrypted or in clear" + (shown >= MAX_SHOWN_BYTES ? ", the first ones shown; Save as writes all" : "") + ")");
        pieces.setAll(out);
    }

    /** Segments in capture order: {frame, direction, span index, stream offset}, up to about {@code limit} bytes. */
    private List<long[]> order(long limit) {
        List<long[]> all = new ArrayList<>();
        for (Direction d : Direction.values()) {
            if (side.get() == Side.CLIENT_TO_SERVER && d != Direction.CLIENT_TO_SERVER) continue;
            if (side.get() == Side.SERVER_TO_CLIENT && d != Direction.SERVER_TO_CLIENT) continue;
            StreamSpans sp = tcp.spans(d);
            long offset = 0;
            for (int i = 0; i < sp.size(); i++) {
                // A gap sorts where its neighbours are: just after the segment before it.
                long at = sp.isGap(i) ? (i > 0 && !sp.isGap(i - 1) ? sp.frame(i - 1) : 0) : sp.frame(i);
                all.add(new long[] {at, d.ordinal(), i, offset});
                offset += sp.length(i);
            }
        }
        all.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]).thenComparingLong(p -> p[2]));
        List<long[]> out = new ArrayList<>();
        long n = 0;
        for (long[] p : all) {
            if (n >= limit) break;
            out.add(p);
            n += tcp.spans(Direction.values()[(int) p[1]]).length((int) p[2]);
        }
        return out;
    }

    private String text(byte[] b, int off, int len, long streamOffset) {
        return switch (show.get()) {
            case ASCII -> ascii(b, off, len);
            case HEX_DUMP -> hexDump(b, off, len, streamOffset);
            case RAW -> rawHex(b, off, len);
        };
    }

    /** Printable ASCII, newlines and tabs kept, every other byte a dot (as Wireshark's ASCII view). */
    static String ascii(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = off; i < off + len; i++) {
            int c = b[i] & 0xFF;
            sb.append(c == '\n' || c == '\r' || c == '\t' || c >= 0x20 && c < 0x7f ? (char) c : '.');
        }
        return sb.toString();
    }

    /** A whole frame as a hex dump (Copy ▸ Bytes as Hex Dump). */
    public static String hexDump(byte[] b) { return hexDump(b, 0, b.length, 0); }

    static String hexDump(byte[] b, int off, int len, long streamOffset) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i += 16) {
            sb.append(String.format(Locale.ROOT, "%08X  ", streamOffset + i));
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < 16; j++) {
                if (i + j < len) {
                    int c = b[off + i + j] & 0xFF;
                    sb.append(String.format(Locale.ROOT, "%02x ", c));
                    text.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
                } else {
                    sb.append("   ");
                }
                if (j == 7) sb.append(' ');
            }
            sb.append(' ').append(text).append('\n');
        }
        return sb.toString();
    }

    static String rawHex(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 2 + 1);
        for (int i = off; i < off + len; i++) sb.append(String.format(Locale.ROOT, "%02x", b[i] & 0xFF));
        return sb.append('\n').toString();
    }
}
