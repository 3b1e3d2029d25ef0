package org.ftpscope.tls;

import org.ftpscope.capture.Limit;
import org.ftpscope.tcp.Direction;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stream's frame view keeps decrypted application data up to {@link Limit#TLS_VIEW_PLAINTEXT}; later records are named and counted. */
class TlsStreamViewTest {
    private static TlsRecordView app(int frame, int bytes) {
        return new TlsRecordView(Direction.SERVER_TO_CLIENT, frame, frame, 0, bytes + 24, TlsRecord.APPLICATION_DATA, 0x0303, 0x0303,
                "Application Data", true, TlsRecord.APPLICATION_DATA, new byte[bytes], bytes);
    }

    @Test
    void plaintextPastTheLimitIsCountedNotKept() {
        TlsStreamView.Builder b = new TlsStreamView.Builder();
        b.record(null, app(10, 1_000_000));
        b.record(null, app(11, 48_576)); // 1,048,576 in all: exactly the limit, still kept
        b.record(null, app(12, 1));
        TlsStreamView v = b.build(true);
        assertEquals(1 << 20, Limit.TLS_VIEW_PLAINTEXT.value());
        assertEquals(1_000_000, v.recordsEndingIn(10).get(0).applicationData().length);
        assertEquals(48_576, v.recordsEndingIn(11).get(0).applicationData().length);
        assertNull(v.recordsEndingIn(12).get(0).applicationData());
        assertEquals(1, v.recordsEndingIn(12).get(0).applicationBytes(), "still counted");
        assertTrue(v.plaintextDropped());
    }

    @Test
    void underTheLimitNothingIsDropped() {
        TlsStreamView.Builder b = new TlsStreamView.Builder();
        b.record(null, app(10, 1_000));
        assertFalse(b.build(true).plaintextDropped());
    }
}
