package org.ftpscope.ftp.session;

import org.ftpscope.decode.Endpoint;
import org.ftpscope.decode.IpAddr;
import org.ftpscope.ftp.model.DataMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The hash-indexed table decides every claim as the table that scanned all entries did
 * ({@link ScanningExpectedChannelTable}, kept as the reference): same entry, same expiry, same
 * drops when full, over a long seeded mix of setups, connections, forgotten setups and clocks
 * that step back (captures are not always in time order).
 */
class ExpectedChannelTableTest {
    static final IpAddr[] HOSTS = {IpAddr.parse("10.0.0.1"), IpAddr.parse("10.0.0.2"), IpAddr.parse("10.0.0.3"),
            IpAddr.parse("192.0.2.9"), IpAddr.parse("2001:db8::1")};

    static ExpectedChannel entry(Random r, int frame, long now) {
        DataMode mode = DataMode.values()[r.nextInt(DataMode.values().length)];
        int port = 40000 + r.nextInt(6);
        IpAddr advertised = HOSTS[r.nextInt(HOSTS.length)], peer = r.nextInt(3) == 0 ? advertised : HOSTS[r.nextInt(HOSTS.length)];
        // Setup frames mostly rise, but a reply seen later can belong to an earlier command.
        int setupFrame = Math.max(1, frame - r.nextInt(3));
        return new ExpectedChannel(r.nextInt(4), r.nextInt(8), mode, setupFrame, HOSTS[r.nextInt(HOSTS.length)],
                new Endpoint(advertised, port), new Endpoint(peer, port), now + ExpectedChannel.LIFETIME_NANOS);
    }

    static String describe(DataChannelMatch m) {
        return m == null ? "none" : m.expected() + " " + m.usedAdvertisedAddress() + " " + m.sourcePort20() + " " + m.foreign();
    }

    @Test
    void decidesEveryClaimAsTheFullScanDid() {
        Random r = new Random(20);
        ExpectedChannelTable hashed = new ExpectedChannelTable();
        ScanningExpectedChannelTable scanned = new ScanningExpectedChannelTable();
        long now = 0;
        int claims = 0, matched = 0;
        for (int frame = 1; frame <= 200_000; frame++) {
            now += r.nextInt(10) == 0 ? -r.nextInt(1_000_000_000) : r.nextInt(50_000_000);
            int op = r.nextInt(10);
            if (op < 5) {
                ExpectedChannel e = entry(r, frame, now);
                hashed.add(e);
                scanned.add(e);
            } else if (op < 9) {
                IpAddr src = HOSTS[r.nextInt(HOSTS.length)], dst = HOSTS[r.nextInt(HOSTS.length)];
                int srcPort = r.nextBoolean() ? 20 : 50000, dstPort = 40000 + r.nextInt(6);
                DataChannelMatch a = hashed.claim(src, srcPort, dst, dstPort, now, frame, frame);
                DataChannelMatch b = scanned.claim(src, srcPort, dst, dstPort, now, frame, frame);
                assertEquals(describe(b), describe(a), "claim at frame " + frame);
                if (b != null && !b.foreign()) assertSame(b.expected(), a.expected());
                claims++;
                if (b != null) matched++;
            } else {
                int session = r.nextInt(4), setup = r.nextInt(8);
                hashed.forget(session, setup);
                scanned.forget(session, setup);
            }
            assertEquals(scanned.size(), hashed.size(), "size at frame " + frame);
        }
        // The mix exercised both outcomes often.
        assertEquals(79_860, claims);
        assertEquals(78_251, matched); // claimed or foreign
    }

    @Test
    void dropsTheOldestWhenFullAsBefore() {
        ExpectedChannelTable hashed = new ExpectedChannelTable();
        ScanningExpectedChannelTable scanned = new ScanningExpectedChannelTable();
        List<ExpectedChannel> all = new ArrayList<>();
        int n = ExpectedChannelTable.MAX_ENTRIES + 1_000;
        for (int i = 0; i < n; i++) {
            ExpectedChannel e = new ExpectedChannel(i % 7, i, DataMode.PORT, i + 1, HOSTS[0],
                    new Endpoint(HOSTS[1], 1024 + i % 60_000), new Endpoint(HOSTS[2], 1024 + i % 60_000), Long.MAX_VALUE);
            all.add(e);
            hashed.add(e);
            scanned.add(e);
        }
        assertEquals(1_000, hashed.dropped());
        assertEquals(scanned.dropped(), hashed.dropped());
        assertEquals(ExpectedChannelTable.MAX_ENTRIES + 1, hashed.firstDropFrame());
        assertEquals(ExpectedChannelTable.MAX_ENTRIES, hashed.size());
        // Port 1024 was named by entries 0 and 60,000; entry 0 was dropped, 60,000 is claimed.
        DataChannelMatch m = hashed.claim(HOSTS[0], 20, HOSTS[1], 1024, 0, 1, 1);
        assertNotNull(m);
        assertSame(all.get(60_000), m.expected());
        assertNull(hashed.claim(HOSTS[0], 20, HOSTS[1], 1024, 0, 1, 1));
    }
}
