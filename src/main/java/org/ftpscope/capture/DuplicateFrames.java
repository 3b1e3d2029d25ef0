package org.ftpscope.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Recognises frames that are exact copies of an earlier frame of the file: the same link type,
 * the same captured and original length, the same bytes, and a timestamp within
 * {@link #WINDOW_NANOS} of the earlier one, before or after it. That is Wireshark's
 * {@code editcap -D} (a window of earlier frames compared by their bytes) combined with its
 * {@code -w} (and only within a time delta), and it covers both ways a capture comes to hold
 * traffic twice: a SPAN port or {@code TEE} that copies each frame microseconds apart, and
 * {@code mergecap -a X X}, whose second copy repeats the first one's timestamps further on in
 * the file (time goes backwards there).
 *
 * <p>Only the last {@link #MAX_REMEMBERED_FRAMES} frames are remembered, so memory stays
 * bounded; frames whose time falls within that of frames already forgotten are counted
 * ({@link #uncheckedFrames()}) so the user is told that copies among them may have been missed.
 *
 * <p>Two indexes find a frame's original by content and time bucket. The last
 * {@link #RECENT_FRAMES} frames have a small one that stays in the processor's cache: it finds the
 * copies a SPAN port makes, microseconds apart. The older frames' index is only needed when a
 * frame's time falls back among theirs (a second copy appended by {@code mergecap -a}, timestamps
 * out of order); in a capture whose time runs forward it is never built, so the common case costs
 * no random memory access. It is built when the first such frame comes and dropped again after
 * {@link #MAX_REMEMBERED_FRAMES} frames that did not need it, so building costs at most one
 * insertion per frame.
 *
 * <p>Bytes are compared by a 64-bit fingerprint instead of editcap's MD5: CRC-32C of the whole frame
 * and CRC-32 (another polynomial) of its first 64 bytes, the headers that tell two segments apart
 * (addresses, IP identification, sequence numbers, checksums); both are processor instructions. MD5 at a few hundred MB/s would more than double the cost of a pass. A frame taken
 * for a copy is still in the frame list and still goes through TCP analysis (so a colliding frame
 * that did carry new bytes would still be reassembled); only the events that would count it twice
 * are skipped.
 */
public final class DuplicateFrames {
    /** Frames remembered to compare later ones with (about 40 bytes each). */
    public static final int MAX_REMEMBERED_FRAMES = Limit.REMEMBERED_FRAMES.intValue();
    /** Largest time difference between a frame and its copy. */
    public static final long WINDOW_NANOS = 1_000_000L;
    /** The last frames, indexed apart (16 KiB of slots). */
    static final int RECENT_FRAMES = 1 << 10;
    /** Entries are found by content and a time bucket twice the window wide: two buckets cover ±window. */
    private static final long BUCKET_NANOS = 2 * WINDOW_NANOS;
    private static final int INITIAL_CAPACITY = 1 << 10;
    /** Ring positions per time-range chunk of the older frames (at most; fewer for tests' small tiers). */
    private static final int SPAN_SHIFT = 10;
    /** Per-frame "copy of" numbers, in chunks allocated only once a capture has copies. */
    private static final int CHUNK = 1 << 16;

    /** Bytes at the start of a frame whose CRC-32 is the fingerprint's low half. */
    private static final int HEADER_BYTES = 64;

    private final CRC32C crc32c = new CRC32C();
    private final CRC32 crc32 = new CRC32();
    private final int maxRemembered;
    private final int recentFrames;
    private final int spanShift;

    // The remembered frames, a ring in file order; the last recentFrames of them are "recent".
    private long[] hash = new long[INITIAL_CAPACITY];
    private long[] time = new long[INITIAL_CAPACITY];
    private int[] frameNo = new int[INITIAL_CAPACITY];
    private int[] capLen = new int[INITIAL_CAPACITY];
    private int[] origLen = new int[INITIAL_CAPACITY];
    private int[] link = new int[INITIAL_CAPACITY];
    private int size;
    private int oldest;
    /** Remembered frames that are no longer recent: the oldest {@code older} entries of the ring. */
    private int older;

    /**
     * Open addressing, 0 is empty. A slot holds the entry index + 1 in its high half and the entry's
     * home slot and a 12-bit fingerprint in its low half, so that a miss and the shifting after a
     * removal never read the entry arrays at random.
     */
    private final long[] recentSlots;
    /** Each recent entry's slot key, by ring position modulo the recent frames: removing it reads no entry array. */
    private final int[] recentKeys;
    /** The older frames' index, twice the ring's capacity; null while no frame needed it. */
    private long[] olderSlots;
    private int olderIndexBuilds;
    /** The last frame whose time fell among the older frames'. */
    private int lastOlderQuery;

    // Time range of the older frames, per chunk of ring positions and in all.
    private final long[] spanMin;
    private final long[] spanMax;
    private long olderMin = Long.MAX_VALUE;
    private long olderMax = Long.MIN_VALUE;

    private boolean forgotten;
    private long forgottenMinNanos = Long.MAX_VALUE;
    private long forgottenMaxNanos = Long.MIN_VALUE;

    private int[][] copyOf = new int[0][];
    private int duplicates;
    /** Copies that carry data, SYN or FIN, or are not TCP: these show the capture holds traffic twice. */
    private int substantive;
    private int firstSubstantive, firstSubstantiveOriginal;
    private int firstDuplicate, firstOriginal;
    /** False for a streaming pass: copies are counted, not recorded per frame. */
    private final boolean perFrame;
    private int unchecked;
    private int firstUnchecked;

    public DuplicateFrames() { this(true); }

    /** With {@code perFrame} false {@link #originalOf} answers 0: nothing is kept per frame. */
    public DuplicateFrames(boolean perFrame) { this(perFrame, RECENT_FRAMES, MAX_REMEMBERED_FRAMES); }

    /** Smaller tiers, for tests that make small captures reach the older frames' index. */
    DuplicateFrames(boolean perFrame, int recentFrames, int maxRemembered) {
        if (Integer.bitCount(recentFrames) != 1 || Integer.bitCount(maxRemembered) != 1
                || maxRemembered < 2 * recentFrames || maxRemembered > 1 << 19) {
            // A slot keeps the home slot below bit 20 and the fingerprint above it.
            throw new IllegalArgumentException("tiers " + recentFrames + "/" + maxRemembered);
        }
        this.perFrame = perFrame;
        this.recentFrames = recentFrames;
        this.maxRemembered = maxRemembered;
        this.recentSlots = new long[2 * recentFrames];
        this.recentKeys = new int[recentFrames];
        // A chunk of positions is no larger than the recent frames (forgetOldest relies on it).
        this.spanShift = Math.min(SPAN_SHIFT, Integer.numberOfTrailingZeros(recentFrames));
        this.spanMin = new long[maxRemembered >> spanShift];
        this.spanMax = new long[maxRemembered >> spanShift];
        Arrays.fill(spanMin, Long.MAX_VALUE);
        Arrays.fill(spanMax, Long.MIN_VALUE);
    }

    /**
     * Checks frame {@code frame} (frames are fed once each, in file order) against the frames
     * remembered, then remembers it unless it is a copy.
     *
     * @return the number of the earlier frame it is a copy of, or 0
     */
    public int check(int frame, long nanos, int linkType, int originalLength, byte[] buf, int off, int capturedLength) {
        return check(frame, nanos, linkType, originalLength, buf, off, capturedLength, false);
    }

    /**
     * The same, told whether the frame is a TCP segment without data, SYN or FIN: such a segment (a pure
     * ACK, an RST) can repeat byte for byte on its own, so its copies alone do not show a doubled capture.
     */
    public int check(int frame, long nanos, int linkType, int originalLength, byte[] buf, int off, int capturedLength,
                     boolean bareSegment) {
        long h = fingerprint(buf, off, capturedLength);
        long bucket = Math.floorDiv(nanos, BUCKET_NANOS);
        long other = nanos - bucket * BUCKET_NANOS >= WINDOW_NANOS ? bucket + 1 : bucket - 1;
        int original = find(recentSlots, h, bucket, other, nanos, linkType, originalLength, capturedLength);
        if (original == 0 && amongOlder(nanos)) {
            lastOlderQuery = frame;
            if (olderSlots == null) buildOlderIndex();
            original = find(olderSlots, h, bucket, other, nanos, linkType, originalLength, capturedLength);
        } else if (olderSlots != null && frame - lastOlderQuery > maxRemembered) {
            olderSlots = null; // not needed for as many frames as the ring holds: time runs forward again
        }
        if (original != 0) {
            recordCopy(frame, original);
            if (!bareSegment && substantive++ == 0) {
                firstSubstantive = frame;
                firstSubstantiveOriginal = original;
            }
            return original;
        }
        if (forgotten && nanos + WINDOW_NANOS >= forgottenMinNanos && nanos - WINDOW_NANOS <= forgottenMaxNanos) {
            if (unchecked++ == 0) firstUnchecked = frame;
        }
        remember(frame, nanos, linkType, originalLength, capturedLength, h);
        return 0;
    }

    private long fingerprint(byte[] buf, int off, int len) {
        crc32c.reset();
        crc32c.update(buf, off, len);
        crc32.reset();
        crc32.update(buf, off, Math.min(len, HEADER_BYTES));
        return crc32c.getValue() << 32 | crc32.getValue();
    }

    /** Whether an older frame may lie within the window of {@code nanos} (without overflow for hostile times). */
    private boolean amongOlder(long nanos) {
        return older > 0 && (nanos >= olderMin || olderMin - nanos <= WINDOW_NANOS)
                && (nanos <= olderMax || nanos - olderMax <= WINDOW_NANOS);
    }

    /** How many times the older frames' index was built (for tests). */
    int olderIndexBuilds() { return olderIndexBuilds; }
    /** Frames found to be copies of an earlier frame. */
    public int count() { return duplicates; }

    /** The first frame found to be a copy, or 0. */
    public int firstDuplicate() { return firstDuplicate; }

    /** The earlier frame that {@code frame} is a copy of, or 0. */
    public int originalOf(int frame) {
        int i = frame - 1, c = i / CHUNK;
        if (i < 0 || c >= copyOf.length || copyOf[c] == null) return 0;
        return copyOf[c][i % CHUNK];
    }

    /**
     * Frames that could not be compared with every frame near them in time, because such frames
     * had already been forgotten ({@link #MAX_REMEMBERED_FRAMES}): copies among them may be missed.
     */
    public int uncheckedFrames() { return unchecked; }

    /** The first of {@link #uncheckedFrames()}, or 0. */
    public int firstUncheckedFrame() { return firstUnchecked; }

    /** What the user must be told, once each, located at the first frame concerned; empty for a capture without copies. */
    public List<CaptureWarning> warnings(FrameIndex index) {
        List<CaptureWarning> out = new ArrayList<>(2);
        if (substantive > 0) out.add(located(index, firstSubstantive, copiesMessage()));
        else if (duplicates > 0) out.add(located(index, firstDuplicate, bareRepeatsMessage()));
        if (unchecked > 0) out.add(CaptureWarning.limit(Limit.REMEMBERED_FRAMES, firstUnchecked, uncheckedMessage()));
        return out;
    }

    private String copiesMessage() {
        return duplicates + (duplicates == 1 ? " frame is an exact copy" : " frames are exact copies")
                + " of an earlier frame (same bytes, captured within " + WINDOW_NANOS / 1_000_000 + " ms of it), "
                + substantive + " of them with data, SYN or FIN: the capture holds this traffic more than once "
                + "(merged twice, taken from a SPAN port, or duplicated on the way); "
                + (firstSubstantive == firstDuplicate
                   ? "the first is frame " + firstSubstantive + ", a copy of frame " + firstSubstantiveOriginal
                   : "the first with data, SYN or FIN is frame " + firstSubstantive + ", a copy of frame "
                     + firstSubstantiveOriginal + "; the first of all is frame " + firstDuplicate + ", a copy of frame "
                     + firstOriginal + ", a TCP segment without data, SYN or FIN")
                + ". The frame list shows every frame; the analysis counts each once";
    }

    private String bareRepeatsMessage() {
        return duplicates + (duplicates == 1 ? " TCP segment without data repeats" : " TCP segments without data repeat")
                + " an earlier one byte for byte within " + WINDOW_NANOS / 1_000_000 + " ms (the first is frame "
                + firstDuplicate + ", like frame " + firstOriginal + "): a pure ACK or RST can repeat "
                + "like that on its own, so this alone does not show a doubled capture; each is listed, and adds "
                + "nothing to the analysis";
    }

    private String uncheckedMessage() {
        return unchecked + (unchecked == 1 ? " frame was" : " frames were") + " captured at about the time of frames"
                + " more than " + maxRemembered + " frames earlier, which are no longer remembered: a copy among them"
                + " would not be recognised";
    }

    private static CaptureWarning located(FrameIndex index, int frame, String message) {
        // A streaming pass kept no offsets: -1, and the warning names the frame only.
        return new CaptureWarning(frame, frame >= 1 && frame <= index.size() && index.kept() ? index.dataOffset(frame) : -1, message);
    }

    /** The frame in either time bucket that this one copies, or 0. */
    private int find(long[] slots, long h, long bucket, long other, long nanos, int linkType, int originalLength,
                     int capturedLength) {
        int original = find(slots, h, bucket, nanos, linkType, originalLength, capturedLength);
        return original != 0 ? original : find(slots, h, other, nanos, linkType, originalLength, capturedLength);
    }

    private int find(long[] slots, long h, long bucket, long nanos, int linkType, int originalLength, int capturedLength) {
        int mask = slots.length - 1;
        int key = key(slot(h, bucket), mask);
        for (int i = key & mask; slots[i] != 0; i = (i + 1) & mask) {
            long v = slots[i];
            if ((int) v != key) continue;
            int e = (int) (v >>> 32) - 1;
            if (hash[e] == h && capLen[e] == capturedLength && origLen[e] == originalLength && link[e] == linkType
                    && within(time[e], nanos)) {
                return frameNo[e];
            }
        }
        return 0;
    }

    /** The low half of a slot: the home slot and a fingerprint from the hash's top 12 bits. */
    private static int key(int slotHash, int mask) {
        return (slotHash & mask) | (slotHash & 0xFFF0_0000);
    }

    /** |a - b| within the window, without overflow for hostile timestamps far apart. */
    private static boolean within(long a, long b) {
        long d = a - b;
        return d <= WINDOW_NANOS && d >= -WINDOW_NANOS && (a <= b) == (d <= 0);
    }

    private void remember(int frame, long nanos, int linkType, int originalLength, int capturedLength, long h) {
        int e;
        if (size < hash.length) {
            e = (oldest + size) % hash.length;
            size++;
        } else if (hash.length < maxRemembered) {
            grow();
            e = size++;
        } else {
            e = oldest;
            forgetOldest();
            oldest = (oldest + 1) % hash.length;
            size++;
        }
        hash[e] = h;
        time[e] = nanos;
        frameNo[e] = frame;
        capLen[e] = capturedLength;
        origLen[e] = originalLength;
        link[e] = linkType;
        // The entry recentFrames back leaves first: it shares the new one's place in recentKeys.
        if (size - older > recentFrames) ageOldestRecent();
        int key = entryKey(e, recentSlots.length - 1);
        recentKeys[e & (recentFrames - 1)] = key;
        insert(recentSlots, e, key);
    }

    /** The oldest recent entry becomes an older one. */
    private void ageOldestRecent() {
        int e = (oldest + older) % hash.length;
        remove(recentSlots, e, recentKeys[e & (recentFrames - 1)]);
        older++;
        long t = time[e];
        int span = e >> spanShift;
        spanMin[span] = Math.min(spanMin[span], t);
        spanMax[span] = Math.max(spanMax[span], t);
        olderMin = Math.min(olderMin, t);
        olderMax = Math.max(olderMax, t);
        if (olderSlots != null) insert(olderSlots, e, entryKey(e, olderSlots.length - 1));
    }

    /** Forgets the oldest entry (an older one: the ring is larger than the recent frames). */
    private void forgetOldest() {
        int e = oldest;
        forgotten = true;
        forgottenMinNanos = Math.min(forgottenMinNanos, time[e]);
        forgottenMaxNanos = Math.max(forgottenMaxNanos, time[e]);
        if (olderSlots != null) remove(olderSlots, e, entryKey(e, olderSlots.length - 1));
        older--;
        size--;
        if (((e + 1) & ((1 << spanShift) - 1)) == 0) {
            // The chunk's last older entry is gone (its newer entries are all still recent).
            int span = e >> spanShift;
            spanMin[span] = Long.MAX_VALUE;
            spanMax[span] = Long.MIN_VALUE;
            olderMin = Long.MAX_VALUE;
            olderMax = Long.MIN_VALUE;
            for (int i = 0; i < spanMin.length; i++) {
                olderMin = Math.min(olderMin, spanMin[i]);
                olderMax = Math.max(olderMax, spanMax[i]);
            }
        }
    }

    private void buildOlderIndex() {
        olderIndexBuilds++;
        olderSlots = new long[2 * maxRemembered];
        for (int i = 0; i < older; i++) {
            int e = (oldest + i) % hash.length;
            insert(olderSlots, e, entryKey(e, olderSlots.length - 1));
        }
    }

    private static int slot(long h, long bucket) {
        long x = h ^ bucket * 0x9E3779B97F4A7C15L;
        x = (x ^ x >>> 33) * 0xFF51AFD7ED558CCDL;
        x = (x ^ x >>> 33) * 0xC4CEB9FE1A85EC53L;
        return (int) (x ^ x >>> 33);
    }

    private int entryKey(int e, int mask) { return key(slot(hash[e], Math.floorDiv(time[e], BUCKET_NANOS)), mask); }

    private static void insert(long[] slots, int e, int key) {
        int mask = slots.length - 1;
        int i = key & mask;
        while (slots[i] != 0) i = (i + 1) & mask;
        slots[i] = (long) (e + 1) << 32 | (key & 0xFFFF_FFFFL);
    }

    /** Removes entry {@code e} from an index (linear probing: later entries of its run move back). */
    private static void remove(long[] slots, int e, int key) {
        int mask = slots.length - 1;
        int i = key & mask;
        while ((int) (slots[i] >>> 32) != e + 1) i = (i + 1) & mask;
        for (int j = (i + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
            int k = (int) slots[j] & mask;
            boolean stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
            if (!stays) {
                slots[i] = slots[j];
                i = j;
            }
        }
        slots[i] = 0;
    }

    /** Doubles the ring (only while it has never wrapped, so entries stay in file order from 0 and keep their index). */
    private void grow() {
        int n = hash.length * 2;
        hash = Arrays.copyOf(hash, n);
        time = Arrays.copyOf(time, n);
        frameNo = Arrays.copyOf(frameNo, n);
        capLen = Arrays.copyOf(capLen, n);
        origLen = Arrays.copyOf(origLen, n);
        link = Arrays.copyOf(link, n);
    }

    private void recordCopy(int frame, int original) {
        if (duplicates++ == 0) {
            firstDuplicate = frame;
            firstOriginal = original;
        }
        if (!perFrame) return;
        int i = frame - 1, c = i / CHUNK;
        if (c >= copyOf.length) copyOf = Arrays.copyOf(copyOf, Math.max(c + 1, copyOf.length * 2));
        if (copyOf[c] == null) copyOf[c] = new int[CHUNK];
        copyOf[c][i % CHUNK] = original;
    }
}
