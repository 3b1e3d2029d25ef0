package org.ftpscope.tls;

import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.capture.Limit;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one TLS pass dropped at its limits, counted over the capture: for each {@link Limit}, how
 * many items, the first frame and in how many connections; {@link #warnings()} turns that into the
 * capture warnings the user sees (stderr, JSON {@code capture.warnings}, the app's banner).
 */
final class TlsBudget {
    /** {items, first frame, connections}. */
    private final Map<Limit, long[]> tally = new EnumMap<>(Limit.class);
    /** Streams whose record layer stopped looking for TLS at {@link Limit#TLS_CLEARTEXT_PREFIX}. */
    private final BitSet prefixReached = new BitSet();

    /** {@code n} items dropped past {@code limit} at {@code frame}; {@code firstInConnection} the connection's first such. */
    void hit(Limit limit, int frame, long n, boolean firstInConnection) {
        long[] t = tally.computeIfAbsent(limit, k -> new long[] {0, frame, 0});
        t[0] += n;
        if (firstInConnection) t[2]++;
    }

    void prefixReached(int stream) { if (stream >= 0) prefixReached.set(stream); }

    /** True when a direction of {@code stream} was cleartext past {@link Limit#TLS_CLEARTEXT_PREFIX}: TLS later in it was not looked for. */
    boolean prefixReachedIn(int stream) { return stream >= 0 && prefixReached.get(stream); }

    List<CaptureWarning> warnings() {
        List<CaptureWarning> out = new ArrayList<>();
        tally.forEach((limit, t) -> {
            String n = String.format(Locale.ROOT, "%,d", t[0]);
            String in = t[2] > 1 ? " (in " + String.format(Locale.ROOT, "%,d", t[2]) + " connections)" : "";
            String text = switch (limit) {
                case TLS_HANDSHAKE_MESSAGE -> n + " TLS handshake " + (t[0] == 1 ? "message was" : "messages were") + " skipped, not parsed" + in
                        + ": what " + (t[0] == 1 ? "it carries" : "they carry") + " (a certificate chain, a hello) is not shown";
                case TLS_CERTIFICATES -> n + " further " + (t[0] == 1 ? "certificate" : "certificates") + " of servers' chains "
                        + (t[0] == 1 ? "was" : "were") + " counted, not parsed" + in;
                case TLS_ALERTS -> n + " further TLS " + (t[0] == 1 ? "alert was" : "alerts were") + " counted, not kept" + in;
                case TLS_SESSION_CACHE -> n + " TLS 1.2 session " + (t[0] == 1 ? "id or ticket was" : "ids or tickets were")
                        + " not remembered" + in + ": a later connection resuming one is decrypted only if the key log has a line"
                        + " for its own client random";
                default -> n + " items were dropped" + in;
            };
            out.add(CaptureWarning.limit(limit, (int) t[1], text));
        });
        return out;
    }
}
