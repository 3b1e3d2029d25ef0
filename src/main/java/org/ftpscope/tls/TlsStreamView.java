package org.ftpscope.tls;

import org.ftpscope.tcp.Direction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One TCP stream's TLS as the frame list and the detail tree show it, read again from the capture
 * ({@link TlsStreamReplay}): which records each frame completed, and which frames carried record
 * bytes. Immutable once built; small (a few numbers per record, application data up to
 * {@link org.ftpscope.capture.Limit#TLS_VIEW_PLAINTEXT}).
 */
public final class TlsStreamView {
    /** A stream that is not TLS: no frame of it carries records. */
    public static final TlsStreamView NOT_TLS = new TlsStreamView(false, Map.of(), Map.of(), java.util.Set.of(), java.util.Set.of(), false);

    private final boolean tls;
    private final Map<Integer, List<TlsRecordView>> byLastFrame;
    /** Frames whose payload was TLS record bytes, with the stream offset of their first payload byte. */
    private final Map<Integer, Long> recordBytes;
    private final boolean plaintextDropped;
    /** Frames whose first payload byte is a record header. */
    private final java.util.Set<Integer> startRecord;
    /** Frames after bytes went missing (a capture gap, a header that is no record): boundaries not followed. */
    private final java.util.Set<Integer> opaque;

    TlsStreamView(boolean tls, Map<Integer, List<TlsRecordView>> byLastFrame, Map<Integer, Long> recordBytes,
                  java.util.Set<Integer> startRecord, java.util.Set<Integer> opaque, boolean plaintextDropped) {
        this.startRecord = startRecord;
        this.opaque = opaque;
        this.tls = tls;
        this.byLastFrame = byLastFrame;
        this.recordBytes = recordBytes;
        this.plaintextDropped = plaintextDropped;
    }

    /** True when the stream carried a TLS handshake. */
    public boolean isTls() { return tls; }

    /** The records whose last byte the frame carried, in stream order (where Wireshark shows a record). */
    public List<TlsRecordView> recordsEndingIn(int frame) { return byLastFrame.getOrDefault(frame, List.of()); }

    /** True when the frame's payload was TLS record bytes (not cleartext FTP before AUTH or after CCC). */
    public boolean carriesRecords(int frame) { return recordBytes.containsKey(frame); }

    /** Stream offset of the frame's first payload byte in its direction, or -1 when it carried no record bytes. */
    public long payloadStreamOffset(int frame) { return recordBytes.getOrDefault(frame, -1L); }

    /**
     * True when the frame's payload begins with a record header: where a record does not end in the
     * same frame, Wireshark's TLS dissector has seen the frame and its Info is the reassembly note alone.
     */
    public boolean beginsRecord(int frame) { return startRecord.contains(frame); }

    /**
     * True when the frame's bytes are in a TLS direction whose record boundaries were lost before it
     * (bytes missing from the capture, or bytes that are no record header): neither records nor cleartext.
     */
    public boolean opaque(int frame) { return opaque.contains(frame); }

    /** True when application data beyond {@link org.ftpscope.capture.Limit#TLS_VIEW_PLAINTEXT} was decrypted but not kept. */
    public boolean plaintextDropped() { return plaintextDropped; }

    /** Collects a view from the records of one replay. */
    static final class Builder implements PlaintextListener {
        private final Map<Integer, List<TlsRecordView>> byLastFrame = new HashMap<>();
        private final Map<Integer, Long> recordBytes = new HashMap<>();
        private long kept;
        private boolean dropped;

        @Override
        public void plaintext(org.ftpscope.tcp.TcpStream s, Direction d, int firstFrame, int lastFrame, byte[] data) {}

        @Override
        public void record(org.ftpscope.tcp.TcpStream s, TlsRecordView r) {
            TlsRecordView v = r;
            if (r.applicationData() != null) {
                if (kept + r.applicationBytes() > org.ftpscope.capture.Limit.TLS_VIEW_PLAINTEXT.value()) {
                    dropped = true;
                    v = new TlsRecordView(r.direction(), r.firstFrame(), r.lastFrame(), r.streamOffset(), r.length(),
                            r.contentType(), r.recordVersion(), r.version(), r.names(), r.decrypted(), r.innerType(), null,
                            r.applicationBytes());
                } else {
                    kept += r.applicationBytes();
                }
            }
            byLastFrame.computeIfAbsent(r.lastFrame(), k -> new ArrayList<>(1)).add(v);
        }

        private final java.util.Set<Integer> opaque = new java.util.HashSet<>();

        void recordBytes(int frame, long streamOffset) { recordBytes.putIfAbsent(frame, streamOffset); }

        void opaque(int frame) { if (!recordBytes.containsKey(frame)) opaque.add(frame); }

        boolean endsRecord(int frame) { return byLastFrame.containsKey(frame); }

        TlsStreamView build(boolean tls) {
            if (!tls) return NOT_TLS;
            java.util.Set<Integer> starts = new java.util.HashSet<>();
            for (List<TlsRecordView> l : byLastFrame.values()) {
                for (TlsRecordView r : l) {
                    Long at = recordBytes.get(r.firstFrame());
                    if (at != null && at == r.streamOffset()) starts.add(r.firstFrame());
                }
            }
            byLastFrame.replaceAll((f, l) -> List.copyOf(l));
            return new TlsStreamView(true, Map.copyOf(byLastFrame), Map.copyOf(recordBytes), java.util.Set.copyOf(starts),
                    java.util.Set.copyOf(opaque), dropped);
        }
    }
}
