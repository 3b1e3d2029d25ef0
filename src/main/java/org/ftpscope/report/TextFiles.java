package org.ftpscope.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a text file through a temp file in the same folder and an atomic move: never half a report. */
public final class TextFiles {
    private TextFiles() {}

    public interface Body {
        void write(Writer w) throws IOException;
    }

    /** Replaces {@code target}: whoever calls decides first whether it may (the CLI's --force, the app's file chooser). */
    /** @throws OutputFailure when the file cannot be created, written or moved into place (the CLI exits 3) */
    public static void writeAtomically(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".ftpscope-", ".tmp");
        } catch (IOException e) {
            throw failure(target, e);
        }
        try {
            Writer file;
            try {
                file = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw failure(target, e);
            }
            try (Writer w = new OutputWriter(file, target)) {
                body.write(w);
            } catch (java.io.UncheckedIOException e) {
                // A writer that cannot throw IOException (JsonWriter) wraps the output's failure: still exit 3.
                if (e.getCause() instanceof OutputFailure f) throw f;
                throw e;
            }
            try {
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw failure(target, e);
            }
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // The temp file is hidden (".ftpscope-…"); the failure that matters was reported.
            }
        }
    }

    static OutputFailure failure(Path target, IOException e) {
        return e instanceof OutputFailure f ? f : new OutputFailure("cannot write " + target + ": " + e, e);
    }

    /** Marks what the writer itself fails at as output, so reading the capture can still fail as input. */
    private static final class OutputWriter extends FilterWriter {
        private final Path target;

        OutputWriter(Writer w, Path target) {
            super(w);
            this.target = target;
        }

        @Override public void write(int c) throws IOException {
            try { super.write(c); } catch (IOException e) { throw failure(target, e); }
        }

        @Override public void write(char[] cbuf, int off, int len) throws IOException {
            try { super.write(cbuf, off, len); } catch (IOException e) { throw failure(target, e); }
        }

        @Override public void write(String str, int off, int len) throws IOException {
            try { super.write(str, off, len); } catch (IOException e) { throw failure(target, e); }
        }

        @Override public void flush() throws IOException {
            try { super.flush(); } catch (IOException e) { throw failure(target, e); }
        }

        @Override public void close() throws IOException {
            try { super.close(); } catch (IOException e) { throw failure(target, e); }
        }
    }
}
