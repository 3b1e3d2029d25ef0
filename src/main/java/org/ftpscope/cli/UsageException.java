package org.ftpscope.cli;

/** Bad command-line arguments: the CLI prints the message and the usage, and exits with 1. */
public final class UsageException extends Exception {
    public UsageException(String message) { super(message); }
}
