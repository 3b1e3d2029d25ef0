package org.ftpscope.tls;

import org.ftpscope.decode.PacketInfo;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.StreamListener;
import org.ftpscope.tcp.TcpStream;

import java.util.ArrayList;
import java.util.List;

/**
 * Decryption for the FTP layer, placed in front of it: every TCP event goes first to a
 * {@link TlsAnalyzer} and then, unchanged, to the next listener. While the next listener handles
 * a {@code data} event it may {@link #take} the plaintext that the same bytes decrypted to (TLS
 * records complete in capture order, so a record's plaintext is ready in the event of its last
 * byte). Plaintext nobody takes is dropped after the event: nothing accumulates here.
 */
public final class TlsDecryptor implements StreamListener {
    /** Decrypted application data of one record. */
    public record Chunk(int firstFrame, int lastFrame, byte[] data) {}

    private final TlsAnalyzer tls;
    private final StreamListener next;
    /** Plaintext produced by the event being forwarded, and whose it is. */
    private final List<Chunk> ready = new ArrayList<>();
    private int readyStream = -1;
    private Direction readyDirection;

    public TlsDecryptor(KeyLog keyLog, StreamListener next) {
        this.next = next;
        this.tls = new TlsAnalyzer(keyLog, new PlaintextListener() {
            @Override
            public void plaintext(TcpStream s, Direction d, int firstFrame, int lastFrame, byte[] data) {
                if (s.index() != readyStream || d != readyDirection) return; // cannot happen: records complete in their own direction
                ready.add(new Chunk(firstFrame, lastFrame, data));
            }
        });
    }

    @Override
    public void streamOpened(TcpStream s, int frame) { next.streamOpened(s, frame); }

    @Override
    public void segment(TcpStream s, Direction d, int frame, PacketInfo p) { next.segment(s, d, frame, p); }

    @Override
    public void data(TcpStream s, Direction d, int frame, byte[] buf, int off, int len) {
        readyStream = s.index();
        readyDirection = d;
        try {
            tls.data(s, d, frame, buf, off, len);
            next.data(s, d, frame, buf, off, len);
        } finally {
            ready.clear();
            readyStream = -1;
        }
    }

    @Override
    public void gap(TcpStream s, Direction d, long length, int frame) {
        tls.gap(s, d, length, frame);
        next.gap(s, d, length, frame);
    }

    @Override
    public void streamClosed(TcpStream s) { next.streamClosed(s); }

    /**
     * The plaintext the bytes of the current {@code data} event completed, for that event's stream
     * and direction; empty otherwise (no key, not TLS, or the record is not complete yet).
     */
    public List<Chunk> take(int stream, Direction d) {
        if (stream != readyStream || d != readyDirection || ready.isEmpty()) return List.of();
        List<Chunk> out = List.copyOf(ready);
        ready.clear();
        return out;
    }

    /**
     * True when the bytes of the current {@code data} event (or of a later one) in this direction
     * are TLS records, so the listener should use {@link #take} rather than the bytes: a data
     * connection under {@code PROT P}, an implicit-TLS control connection.
     */
    public boolean isTls(int stream, Direction d) { return tls.inRecords(stream, d); }

    /** True when this direction's protected records cannot be opened: their bytes have no known plaintext. */
    public boolean undecryptable(int stream, Direction d) { return tls.undecryptable(stream, d); }

    /**
     * Why this direction's protected records have no plaintext (bytes missing from the capture, the
     * key, or the record layer), null while nothing stops them.
     */
    public NoPlaintext noPlaintext(int stream, Direction d) { return tls.noPlaintext(stream, d); }

    /** What the TLS layer found for the stream so far (complete after the pass); null when not TLS. */
    public TlsConnectionSummary connection(int stream) { return tls.connection(stream); }

    /** True when the key log was given (so an encrypted stream without plaintext is a key problem, not a choice). */
    public boolean hasKeyLog() { return !tls.keyLog().absent(); }

    /** The key log and the session secrets the pass learnt, for views that read a stream again. */
    public TlsKeys keys() { return tls.keys(); }

    /** The limits the TLS layer reached, as warnings; after the pass. */
    public List<org.ftpscope.capture.CaptureWarning> limitWarnings() { return tls.limitWarnings(); }

    /**
     * True when a direction of the stream was given up as not TLS after
     * {@link org.ftpscope.capture.Limit#TLS_CLEARTEXT_PREFIX} cleartext bytes: TLS later in it is not decrypted.
     */
    public boolean cleartextPrefixReached(int stream) { return tls.cleartextPrefixReached(stream); }

    /** The TLS connections of the capture; complete after the pass. */
    public List<TlsConnectionSummary> connections() { return tls.connections(); }
}
