package org.ftpscope.capture;

/**
 * One capture interface (a pcap file has one; pcapng one per IDB, across all sections).
 *
 * @param timePrecision the decimal digits of its timestamps' resolution, as Wireshark's "automatic"
 *                      Time precision: 6 for a microsecond pcap, 9 for a nanosecond one; for pcapng the
 *                      digits of the smallest power of 1000 (or 100, 10) that if_tsresol reaches
 *                      (10^-3 and 2^-10 give 3, 10^-7 gives 6, 10^-12 gives 9)
 */
public record CaptureInterface(int id, int linkType, int snapLength, String name, int timePrecision) {

    /** Wireshark's rule (wiretap/pcapng.c): units per second of 10^9 or more are ns, of 10^6 µs, of 1000 ms, then cs, ds, s. */
    static int precisionOfUnitsPerSecond(double unitsPerSecond) {
        if (unitsPerSecond >= 1e9) return 9;
        if (unitsPerSecond >= 1e6) return 6;
        if (unitsPerSecond >= 1e3) return 3;
        if (unitsPerSecond >= 100) return 2;
        if (unitsPerSecond >= 10) return 1;
        return 0;
    }

    /** The precision of a pcapng if_tsresol code (bit 7 set: a power of 2, else of 10). */
    static int precisionOfTsresol(int tsresol) {
        int exp = tsresol & 0x7F;
        return precisionOfUnitsPerSecond(Math.pow((tsresol & 0x80) != 0 ? 2 : 10, exp));
    }
}
