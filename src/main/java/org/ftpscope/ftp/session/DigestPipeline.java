package org.ftpscope.ftp.session;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * SHA-256 of every data stream, computed on a second thread: hashing costs about as much as
 * everything else in the pass, so on two cores it runs beside the reading thread. The reading
 * thread copies payload into a few fixed blocks (bounded heap: {@link #BLOCKS} x {@link #BLOCK_SIZE})
 * tagged with the digest they belong to; the hashing thread consumes the blocks in order, so
 * every digest sees its bytes in stream order. On one core, or for tests, it hashes inline.
 */
final class DigestPipeline implements AutoCloseable {
    static final int BLOCK_SIZE = 1 << 20;
    static final int BLOCKS = 6;
    /** Pieces per block at most; segments are ≥ 1 byte, a block of tiny ones is handed over early. */
    private static final int MAX_PIECES = 4096;

    private static final class Block {
        final byte[] data = new byte[BLOCK_SIZE];
        final int[] digest = new int[MAX_PIECES];
        final int[] length = new int[MAX_PIECES];
        int pieces;
        int used;
        boolean last;
    }

    private final boolean parallel;
    /** Owned by the hashing thread while it runs, by the caller before start and after {@link #finish}. */
    private final List<MessageDigest> digests = new ArrayList<>();
    private int count;
    private BlockingQueue<Block> full;
    private BlockingQueue<Block> free;
    private Block current;
    private Thread worker;
    private volatile Throwable failure;
    private boolean finished;

    DigestPipeline(boolean parallel) {
        this.parallel = parallel;
    }

    /** Parallel when the machine has more than one core. */
    static DigestPipeline forThisMachine() {
        return new DigestPipeline(Runtime.getRuntime().availableProcessors() > 1);
    }

    /** A new digest; its id is dense, starting at 0. */
    int newDigest() {
        if (!parallel) digests.add(sha256());
        return count++;
    }

    void update(int id, byte[] buf, int off, int len) {
        if (finished) throw new IllegalStateException("digests already finished");
        if (!parallel) {
            digests.get(id).update(buf, off, len);
            return;
        }
        if (worker == null) start();
        while (len > 0) {
            if (current.used == BLOCK_SIZE || current.pieces == MAX_PIECES) handOver(false);
            int n = Math.min(len, BLOCK_SIZE - current.used);
            System.arraycopy(buf, off, current.data, current.used, n);
            current.digest[current.pieces] = id;
            current.length[current.pieces++] = n;
            current.used += n;
            off += n;
            len -= n;
        }
    }

    /** Waits for every byte handed over to be hashed; after this, {@link #hex} may be called. */
    void finish() {
        if (finished) return;
        finished = true;
        if (worker != null) {
            handOver(true);
            try {
                worker.join();
            } catch (InterruptedException e) {
                worker.interrupt();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while hashing", e);
            }
            if (failure != null) throw new IllegalStateException("hashing failed", failure);
        }
    }

    /** Hex SHA-256 of what digest {@code id} was given (may be called once per id). */
    String hex(int id) {
        if (!finished) throw new IllegalStateException("finish() first");
        while (digests.size() <= id) digests.add(sha256());
        return HexFormat.of().formatHex(digests.get(id).digest());
    }

    /** Stops the hashing thread when the pass ends early (an error, a cancelled load). */
    @Override
    public void close() {
        if (worker != null && worker.isAlive()) worker.interrupt();
    }

    private void start() {
        full = new ArrayBlockingQueue<>(BLOCKS);
        free = new ArrayBlockingQueue<>(BLOCKS);
        for (int i = 1; i < BLOCKS; i++) free.add(new Block());
        current = new Block();
        worker = new Thread(this::hashBlocks, "ftpscope-sha256");
        worker.setDaemon(true);
        worker.start();
    }

    private void handOver(boolean last) {
        current.last = last;
        try {
            full.put(current);
            current = last ? null : free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing", e);
        }
        if (failure != null) throw new IllegalStateException("hashing failed", failure);
        if (current != null) {
            current.used = 0;
            current.pieces = 0;
        }
    }

    private void hashBlocks() {
        try {
            while (true) {
                Block b = full.take();
                if (failure == null) {
                    try {
                        int pos = 0;
                        for (int i = 0; i < b.pieces; i++) {
                            int id = b.digest[i];
                            while (digests.size() <= id) digests.add(sha256());
                            digests.get(id).update(b.data, pos, b.length[i]);
                            pos += b.length[i];
                        }
                    } catch (RuntimeException | Error e) {
                        failure = e; // keep taking blocks so the reading thread never blocks; it reports this
                    }
                }
                if (b.last) return;
                free.put(b);
            }
        } catch (InterruptedException e) {
            // the pass was abandoned
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
