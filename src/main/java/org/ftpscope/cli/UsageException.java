package org.ftpscope.cli;

/**
 * Arguments that parse but do not fit (a frame the capture lacks, an invalid display filter): the CLI
 * prints the message and the synopsis, and exits with 1, as for what picocli rejects itself.
 */
public final class UsageException extends Exception {
    public UsageException(String message) { super(message); }
}
