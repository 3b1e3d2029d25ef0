package org.ftpscope.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Pure-Java pcap and pcapng record parsing (pcap4j cannot read SLL2 or mixed-link pcapng). */
final class RecordParser {
    /** Wireshark's WTAP_MAX_PACKET_SIZE_STANDARD: a larger captured length means a damaged record. */
    static final int MAX_CAPTURED_LENGTH = Limit.CAPTURED_LENGTH.intValue();
    /** Largest pcapng block accepted; a larger one is taken as damage. */
    static final int MAX_BLOCK_LENGTH = Limit.PCAPNG_BLOCK.intValue();
    static final int MAX_FRAMES = Limit.FRAMES.intValue();
    static final int MAX_INTERFACES = Limit.PCAPNG_INTERFACES.intValue();
    private static final int PROGRESS_STEP = 4 << 20;

    private static final int PCAP_MAGIC_US = 0xa1b2c3d4;
    private static final int PCAP_MAGIC_NS = 0xa1b23c4d;
    private static final int PCAP_MAGIC_MODIFIED = 0xa1b2cd34;
    private static final int PCAPNG_SHB = 0x0A0D0D0A;
    private static final int PCAPNG_BOM = 0x1A2B3C4D;

    private RecordParser() {}

    static CaptureFormat parse(String name, FileWindow w, FrameIndex index, List<CaptureInterface> ifaces,
                               List<CaptureWarning> warnings, FrameVisitor visitor, ReadProgress progress)
            throws IOException, CaptureException {
        int at = w.ensure(0, 4);
        if (at < 0) {
            throw new CaptureException(name + ": not a capture file (only " + w.fileSize() + " bytes)");
        }
        byte[] b = w.array();
        int be = readInt(b, at, true);
        int le = readInt(b, at, false);
        if (be == PCAPNG_SHB) {
            new Pcapng(name, w, index, ifaces, warnings, visitor, progress).run();
            return CaptureFormat.PCAPNG;
        }
        for (boolean big : new boolean[] {true, false}) {
            int magic = big ? be : le;
            if (magic == PCAP_MAGIC_US || magic == PCAP_MAGIC_NS || magic == PCAP_MAGIC_MODIFIED) {
                return readPcap(name, w, big, magic, index, ifaces, warnings, visitor, progress);
            }
        }
        throw new CaptureException(name + ": not a pcap or pcapng capture (starts with "
                + String.format("%02x %02x %02x %02x", b[at], b[at + 1], b[at + 2], b[at + 3]) + ")");
    }

    private static CaptureFormat readPcap(String name, FileWindow w, boolean big, int magic, FrameIndex index,
                                          List<CaptureInterface> ifaces, List<CaptureWarning> warnings,
                                          FrameVisitor visitor, ReadProgress progress)
            throws IOException, CaptureException {
        int at = w.ensure(0, 24);
        if (at < 0) {
            throw new CaptureException(name + ": pcap file header cut short (" + w.fileSize() + " bytes)");
        }
        byte[] b = w.array();
        int snaplen = readInt(b, at + 16, big);
        int linkType = readInt(b, at + 20, big) & 0xFFFF; // upper bits carry FCS information
        boolean nanos = magic == PCAP_MAGIC_NS;
        ifaces.add(new CaptureInterface(0, linkType, snaplen, null, nanos ? 9 : 6));
        if (visitor != null) visitor.timePrecision(nanos ? 9 : 6);
        int headerLen = magic == PCAP_MAGIC_MODIFIED ? 24 : 16;
        long pos = 24;
        long nextProgress = PROGRESS_STEP;
        while (w.more(pos)) {
            int frame = index.size() + 1;
            at = w.ensure(pos, headerLen);
            if (at < 0) {
                warnings.add(new CaptureWarning(frame, pos, "file cut short in the record header of frame "
                        + frame + " (" + (w.fileSize() - pos) + " of " + headerLen + " bytes)"));
                break;
            }
            b = w.array();
            long sec = readInt(b, at, big) & 0xFFFFFFFFL;
            long frac = readInt(b, at + 4, big) & 0xFFFFFFFFL;
            long capLen = readInt(b, at + 8, big) & 0xFFFFFFFFL;
            long origLen = readInt(b, at + 12, big) & 0xFFFFFFFFL;
            if (capLen > MAX_CAPTURED_LENGTH) {
                warnings.add(new CaptureWarning(frame, pos, "frame " + frame + " claims " + capLen
                        + " captured bytes, more than " + Limit.CAPTURED_LENGTH.label() + "; reading stopped"));
                break;
            }
            long dataPos = pos + headerLen;
            at = w.ensure(dataPos, (int) capLen);
            if (at < 0) {
                warnings.add(new CaptureWarning(frame, dataPos, "file cut short inside frame " + frame + " ("
                        + (w.fileSize() - dataPos) + " of " + capLen + " bytes present)"));
                break;
            }
            if (index.full()) {
                warnings.add(frameLimit(index.limit(), frame, pos, w.sizeKnown() ? w.fileSize() : -1));
                break;
            }
            long ts = sec * 1_000_000_000L + (nanos ? frac : frac * 1000L);
            int orig = (int) Math.min(Math.max(origLen, capLen), Integer.MAX_VALUE);
            index.add(dataPos, (int) capLen, orig, ts, 0);
            if (visitor != null) visitor.frame(frame, ts, linkType, orig, w.array(), at, (int) capLen);
            pos = dataPos + capLen;
            if (progress != null && pos >= nextProgress) {
                progress.progress(pos, w.fileSize(), index.size());
                nextProgress = pos + PROGRESS_STEP;
            }
        }
        if (progress != null) progress.progress(pos, w.fileSize(), index.size());
        return nanos ? CaptureFormat.PCAP_NANOSECOND
                : magic == PCAP_MAGIC_MODIFIED ? CaptureFormat.PCAP_MODIFIED : CaptureFormat.PCAP;
    }

    private static CaptureWarning frameLimit(Limit limit, int frame, long pos, long fileSize) {
        return new CaptureWarning(frame, pos, "reading stopped before frame " + frame + "; "
                + (fileSize < 0 ? "the rest of the file was" : "the last " + (fileSize - pos) + " bytes of the file were")
                + " not read" + (limit == Limit.FRAMES ? " (a larger -Xmx reads further)" : ""), limit);
    }

    /** pcapng (draft-ietf-opsawg-pcapng): SHB, IDB, EPB, SPB, OPB; other blocks are skipped. */
    private static final class Pcapng {
        private final String name;
        private final FileWindow w;
        private final FrameIndex index;
        private final List<CaptureInterface> ifaces;
        private final List<CaptureWarning> warnings;
        private final FrameVisitor visitor;
        private final ReadProgress progress;
        /** Interfaces of the current section, as indexes into {@link #ifaces}. */
        private final List<Integer> sectionIfaces = new ArrayList<>();
        private final List<long[]> sectionTsInfo = new ArrayList<>(); // {resolution code, offset seconds}
        private boolean big;
        /** The Time precision last given to the visitor (-1: none yet). */
        private int announcedPrecision = -1;
        /** Set when a limit, not damage, stops reading. */
        private CaptureWarning limitHit;
        /** Interfaces past PCAPNG_INTERFACES (kept in the section as -1) and the frames on them, skipped. */
        private int interfacesOver, framesOnInterfacesOver, firstInterfaceOverFrame;
        private long firstInterfaceOverPos;

        Pcapng(String name, FileWindow w, FrameIndex index, List<CaptureInterface> ifaces,
               List<CaptureWarning> warnings, FrameVisitor visitor, ReadProgress progress) {
            this.name = name;
            this.w = w;
            this.index = index;
            this.ifaces = ifaces;
            this.warnings = warnings;
            this.visitor = visitor;
            this.progress = progress;
        }

        void run() throws IOException, CaptureException {
            long pos = 0;
            long nextProgress = PROGRESS_STEP;
            boolean first = true;
            while (w.more(pos)) {
                int frame = index.size() + 1;
                int at = w.ensure(pos, 12);
                if (at < 0) {
                    if (first) throw new CaptureException(name + ": pcapng section header cut short");
                    warnings.add(new CaptureWarning(frame, pos, "file cut short in a block header ("
                            + (w.fileSize() - pos) + " bytes left)"));
                    break;
                }
                byte[] b = w.array();
                int type = readInt(b, at, true);
                if (type == PCAPNG_SHB) {
                    int bom = readInt(b, at + 8, true);
                    if (bom == PCAPNG_BOM) big = true;
                    else if (readInt(b, at + 8, false) == PCAPNG_BOM) big = false;
                    else {
                        String msg = "section header with an invalid byte-order magic";
                        if (first) throw new CaptureException(name + ": pcapng " + msg);
                        warnings.add(new CaptureWarning(frame, pos, msg + "; reading stopped"));
                        break;
                    }
                } else if (first) {
                    throw new CaptureException(name + ": not a capture file");
                } else {
                    type = readInt(b, at, big);
                }
                long blockLen = readInt(b, at + 4, big) & 0xFFFFFFFFL;
                if (blockLen < 12 || blockLen % 4 != 0 || blockLen > MAX_BLOCK_LENGTH) {
                    String msg = "block of type 0x" + Integer.toHexString(type) + " has an impossible length "
                            + blockLen + (blockLen > MAX_BLOCK_LENGTH ? ", more than " + Limit.PCAPNG_BLOCK.label() : "");
                    if (first) throw new CaptureException(name + ": pcapng " + msg);
                    warnings.add(new CaptureWarning(frame, pos, msg + "; reading stopped"));
                    break;
                }
                at = w.ensure(pos, (int) blockLen);
                if (at < 0) {
                    if (first) throw new CaptureException(name + ": pcapng section header cut short");
                    warnings.add(new CaptureWarning(frame, pos, "file cut short inside a block of "
                            + blockLen + " bytes (" + (w.fileSize() - pos) + " present)"));
                    break;
                }
                b = w.array();
                long trailer = readInt(b, at + (int) blockLen - 4, big) & 0xFFFFFFFFL;
                if (trailer != blockLen) {
                    warnings.add(new CaptureWarning(frame, pos, "block length " + blockLen
                            + " does not match its trailing copy " + trailer + "; reading stopped"));
                    break;
                }
                boolean firstBlock = first;
                first = false;
                String problem = switch (type) {
                    case PCAPNG_SHB -> sectionHeader(b, at, (int) blockLen);
                    case 1 -> interfaceDescription(b, at, (int) blockLen, pos, frame);
                    case 6 -> enhancedPacket(b, at, (int) blockLen, pos, frame);
                    case 3 -> simplePacket(b, at, (int) blockLen, pos, frame);
                    case 2 -> obsoletePacket(b, at, (int) blockLen, pos, frame);
                    default -> null; // NRB, ISB, DSB, custom: nothing a frame list needs
                };
                if (limitHit != null) {
                    warnings.add(limitHit);
                    break;
                }
                if (problem != null) {
                    // Damage in the very first section header means nothing of the file is readable.
                    if (firstBlock) throw new CaptureException(name + ": pcapng " + problem);
                    warnings.add(new CaptureWarning(frame, pos, problem + "; reading stopped"));
                    break;
                }
                pos += blockLen;
                if (progress != null && pos >= nextProgress) {
                    progress.progress(pos, w.fileSize(), index.size());
                    nextProgress = pos + PROGRESS_STEP;
                }
            }
            if (progress != null) progress.progress(pos, w.fileSize(), index.size());
            if (interfacesOver > 0) {
                warnings.add(new CaptureWarning(firstInterfaceOverFrame, firstInterfaceOverPos, String.format(Locale.ROOT,
                        "%,d further interfaces were not kept and the %,d frames on them were skipped (the frame"
                                + " numbers after the first of them are lower than Wireshark's)",
                        interfacesOver, framesOnInterfacesOver), Limit.PCAPNG_INTERFACES));
            }
        }

        private String sectionHeader(byte[] b, int at, int len) {
            if (len < 28) return "section header block too short (" + len + " bytes)";
            int major = readShort(b, at + 12, big);
            if (major != 1) return "section header of unsupported pcapng version " + major;
            sectionIfaces.clear();
            sectionTsInfo.clear();
            return null;
        }

        private String interfaceDescription(byte[] b, int at, int len, long pos, int frame) {
            if (len < 20) return "interface description block too short (" + len + " bytes)";
            int linkType = readShort(b, at + 8, big);
            int snaplen = readInt(b, at + 12, big);
            long tsresol = 6;
            long tsoffset = 0;
            String ifName = null;
            int opt = at + 16;
            int end = at + len - 4;
            while (opt + 4 <= end) {
                int code = readShort(b, opt, big);
                int olen = readShort(b, opt + 2, big);
                if (code == 0) break;
                if (opt + 4 + olen > end) {
                    return "interface option " + code + " runs past the end of its block";
                }
                if (code == 9 && olen >= 1) tsresol = b[opt + 4] & 0xFF;
                else if (code == 14 && olen == 8) tsoffset = readLong(b, opt + 4, big);
                else if (code == 2) ifName = new String(b, opt + 4, olen, StandardCharsets.UTF_8).replace("\0", "");
                opt += 4 + ((olen + 3) & ~3);
            }
            int id = ifaces.size();
            if (id >= MAX_INTERFACES) {
                // The frame index keeps ids in 16 bits: keep reading, skip only this interface's frames.
                if (interfacesOver++ == 0) {
                    firstInterfaceOverFrame = frame;
                    firstInterfaceOverPos = pos;
                }
                sectionIfaces.add(-1);
                sectionTsInfo.add(null);
                return null;
            }
            ifaces.add(new CaptureInterface(id, linkType, snaplen, ifName, CaptureInterface.precisionOfTsresol((int) tsresol)));
            sectionIfaces.add(id);
            sectionTsInfo.add(new long[] {tsresol, tsoffset});
            return null;
        }

        private String enhancedPacket(byte[] b, int at, int len, long pos, int frame) {
            if (len < 32) return "enhanced packet block too short (" + len + " bytes)";
            int ifLocal = readInt(b, at + 8, big);
            long ts = ((readInt(b, at + 12, big) & 0xFFFFFFFFL) << 32) | (readInt(b, at + 16, big) & 0xFFFFFFFFL);
            long capLen = readInt(b, at + 20, big) & 0xFFFFFFFFL;
            long origLen = readInt(b, at + 24, big) & 0xFFFFFFFFL;
            return packet(ifLocal, ts, capLen, origLen, b, at + 28, len - 32, pos + 28, frame);
        }

        private String obsoletePacket(byte[] b, int at, int len, long pos, int frame) {
            if (len < 32) return "packet block too short (" + len + " bytes)";
            int ifLocal = readShort(b, at + 8, big);
            long ts = ((readInt(b, at + 12, big) & 0xFFFFFFFFL) << 32) | (readInt(b, at + 16, big) & 0xFFFFFFFFL);
            long capLen = readInt(b, at + 20, big) & 0xFFFFFFFFL;
            long origLen = readInt(b, at + 24, big) & 0xFFFFFFFFL;
            return packet(ifLocal, ts, capLen, origLen, b, at + 28, len - 32, pos + 28, frame);
        }

        private String simplePacket(byte[] b, int at, int len, long pos, int frame) {
            if (len < 16) return "simple packet block too short (" + len + " bytes)";
            if (sectionIfaces.isEmpty()) return "simple packet block before any interface description";
            long origLen = readInt(b, at + 8, big) & 0xFFFFFFFFL;
            int snap = ifaces.get(sectionIfaces.get(0)).snapLength();
            long capLen = Math.min(origLen, len - 16L);
            if (snap > 0) capLen = Math.min(capLen, snap & 0xFFFFFFFFL);
            // SPBs carry no timestamp.
            return packet(0, Long.MIN_VALUE, capLen, origLen, b, at + 12, len - 16, pos + 12, frame);
        }

        private String packet(int ifLocal, long rawTs, long capLen, long origLen, byte[] b, int dataAt,
                              int room, long dataPos, int frame) {
            if (ifLocal < 0 || ifLocal >= sectionIfaces.size()) {
                return "frame " + frame + " names interface " + ifLocal + ", but the section has "
                        + sectionIfaces.size();
            }
            if (capLen > MAX_CAPTURED_LENGTH) {
                return "frame " + frame + " claims " + capLen + " captured bytes, more than " + Limit.CAPTURED_LENGTH.label();
            }
            if (capLen > room) {
                return "frame " + frame + " claims " + capLen + " captured bytes, but its block holds " + room;
            }
            if (index.full()) {
                limitHit = frameLimit(index.limit(), frame, dataPos, w.sizeKnown() ? w.fileSize() : -1);
                return "frame limit";
            }
            int iface = sectionIfaces.get(ifLocal);
            if (iface < 0) {
                framesOnInterfacesOver++;
                return null;
            }
            long[] tsInfo = sectionTsInfo.get(ifLocal);
            long ts = rawTs == Long.MIN_VALUE ? 0 : toNanos(rawTs, (int) tsInfo[0]) + tsInfo[1] * 1_000_000_000L;
            int orig = (int) Math.min(Math.max(origLen, capLen), Integer.MAX_VALUE);
            index.add(dataPos, (int) capLen, orig, ts, iface);
            if (visitor != null) {
                int digits = ifaces.get(iface).timePrecision();
                if (digits != announcedPrecision) visitor.timePrecision(announcedPrecision = digits);
                visitor.frame(frame, ts, ifaces.get(iface).linkType(), orig, b, dataAt, (int) capLen);
            }
            return null;
        }
    }

    /** Converts a pcapng timestamp in if_tsresol units to nanoseconds. */
    static long toNanos(long ts, int tsresol) {
        int exp = tsresol & 0x7F;
        if ((tsresol & 0x80) == 0) {
            if (exp == 9) return ts;
            if (exp < 9) return ts * pow10(9 - exp);
            return exp - 9 > 18 ? 0 : Long.divideUnsigned(ts, pow10(exp - 9));
        }
        if (exp > 62) return 0;
        long whole = ts >>> exp;
        long frac = ts & ((1L << exp) - 1);
        return whole * 1_000_000_000L + (exp <= 33 ? (frac * 1_000_000_000L) >>> exp
                : (long) (frac / (double) (1L << exp) * 1e9));
    }

    private static long pow10(int n) {
        long r = 1;
        for (int i = 0; i < n; i++) r *= 10;
        return r;
    }

    static int readInt(byte[] b, int i, boolean big) {
        return big
                ? (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF)
                : (b[i + 3] & 0xFF) << 24 | (b[i + 2] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i] & 0xFF);
    }

    static int readShort(byte[] b, int i, boolean big) {
        return big ? (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF) : (b[i + 1] & 0xFF) << 8 | (b[i] & 0xFF);
    }

    static long readLong(byte[] b, int i, boolean big) {
        long hi = readInt(b, i, big) & 0xFFFFFFFFL;
        long lo = readInt(b, i + 4, big) & 0xFFFFFFFFL;
        return big ? hi << 32 | lo : lo << 32 | hi;
    }
}
