package org.ftpscope.ftp.session;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The hashing thread must give exactly the digests of inline hashing, whatever the interleaving. */
class DigestPipelineTest {

    @Test
    void parallelDigestsEqualInlineOnesAcrossBlockBoundaries() throws Exception {
        // real bytes (a lossy capture of real transfers), cut into pieces of varied sizes
        byte[] src = Files.readAllBytes(Path.of("samples/lossy-transfers.pcap"));
        int streams = 7;
        DigestPipeline parallel = new DigestPipeline(true);
        DigestPipeline inline = new DigestPipeline(false);
        MessageDigest[] expected = new MessageDigest[streams];
        int[] pid = new int[streams], iid = new int[streams];
        for (int i = 0; i < streams; i++) {
            expected[i] = MessageDigest.getInstance("SHA-256");
            pid[i] = parallel.newDigest();
            iid[i] = inline.newDigest();
        }
        long total = 0;
        // 1-byte pieces (more pieces than a block holds), segment-sized ones, and pieces larger than a block
        int[] sizes = {1, 1, 1, 1448, 7, 65536, 1, 3 << 20, 1448, 2};
        for (int round = 0; round < 3000; round++) {
            int s = round % streams;
            int len = sizes[(round * 7 + s) % sizes.length];
            int off = (int) ((round * 104729L) % Math.max(1, src.length - len));
            if (len > src.length - off) len = src.length - off;
            parallel.update(pid[s], src, off, len);
            inline.update(iid[s], src, off, len);
            expected[s].update(src, off, len);
            total += len;
        }
        parallel.finish();
        inline.finish();
        for (int i = 0; i < streams; i++) {
            String want = HexFormat.of().formatHex(expected[i].digest());
            assertEquals(want, parallel.hex(pid[i]), "stream " + i);
            assertEquals(want, inline.hex(iid[i]), "stream " + i);
        }
        assertEquals(true, total > 3L * DigestPipeline.BLOCK_SIZE * DigestPipeline.BLOCKS, "the test must cycle the blocks");
        int unused = parallel.newDigest();
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", parallel.hex(unused));
        assertThrows(IllegalStateException.class, () -> parallel.update(pid[0], src, 0, 1));
    }
}
