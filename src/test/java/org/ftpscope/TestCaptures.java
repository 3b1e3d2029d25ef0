package org.ftpscope;

import org.ftpscope.capture.CaptureFile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Finds the real captures: the project's samples, and Zeek's traces in ../shared (skipped when absent). */
public final class TestCaptures {
    private TestCaptures() {}

    public static Path sample(String name) {
        Path p = Path.of("samples", name);
        assumeTrue(Files.isRegularFile(p), "samples/" + name + " is missing");
        return p;
    }

    /** Every capture in samples/ and samples/derived/, sorted: for tests that compare two ways of reading. */
    public static java.util.stream.Stream<Path> samplesAndDerived() throws IOException {
        try (var top = Files.list(Path.of("samples")); var derived = Files.list(Path.of("samples", "derived"))) {
            return java.util.stream.Stream.concat(top.toList().stream(), derived.toList().stream())
                    .filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
                    .sorted().toList().stream();
        }
    }

    public static Path zeek(String name) {
        Path p = Path.of("..", "shared", "captures", "zeek", name);
        assumeTrue(Files.isRegularFile(p), "../shared/captures/zeek/" + name
                + " is absent (the shared reference captures are not beside this clone)");
        return p;
    }

    /** A row of samples/transfers.tsv: what the recording script knows was transferred. */
    public record TransferRow(String capture, String client, String command, String path, long bytes, String sha256,
                              String note) {}

    public static List<TransferRow> transfers() {
        try {
            List<TransferRow> rows = new ArrayList<>();
            List<String> lines = Files.readAllLines(Path.of("samples", "transfers.tsv"));
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] f = line.split("\t", -1);
                rows.add(new TransferRow(f[0], f[1], f[2], f[3], Long.parseLong(f[4]), f[5], f.length > 6 ? f[6] : ""));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a classic little-endian microsecond pcap holding the given frames of a real capture,
     * in the given order (repeats allowed): the way tests derive reordered, duplicated or thinned
     * captures from real ones.
     */
    public static Path writePcap(CaptureFile source, int[] frames, Path target) throws IOException {
        return writePcap(source, frames, target, 262144);
    }

    /** The same with each frame cut to its first {@code snaplen} bytes, its original length kept (editcap -s). */
    public static Path writePcap(CaptureFile source, int[] frames, Path target, int snaplen) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(snaplen)
                    .putInt(source.index().linkType(1));
            out.write(h.array());
            for (int f : frames) {
                byte[] data = source.readFrame(f);
                int caplen = Math.min(snaplen, data.length);
                long ts = source.index().timestampNanos(f);
                ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                r.putInt((int) (ts / 1_000_000_000L)).putInt((int) (ts % 1_000_000_000L / 1000))
                        .putInt(caplen).putInt(source.index().originalLength(f));
                out.write(r.array());
                out.write(data, 0, caplen);
            }
        }
        return target;
    }
}
