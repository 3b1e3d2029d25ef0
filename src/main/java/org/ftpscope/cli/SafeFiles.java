package org.ftpscope.cli;

import org.ftpscope.report.TextFiles;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/** Writes output through a temp file in the same folder and an atomic move: never half a file. */
final class SafeFiles {
    private SafeFiles() {}

    interface Body {
        void write(Writer w) throws IOException;
    }

    static void writeAtomically(Path target, Body body) throws IOException {
        TextFiles.writeAtomically(target, body::write);
    }
}
