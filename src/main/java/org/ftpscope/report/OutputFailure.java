package org.ftpscope.report;

import java.io.IOException;

/**
 * Output that could not be written (disk full, no permission, a name the file system refuses), as
 * opposed to input that could not be read: the CLI exits with 3 for it, not 2.
 */
public final class OutputFailure extends IOException {
    public OutputFailure(String message, IOException cause) { super(message, cause); }
}
