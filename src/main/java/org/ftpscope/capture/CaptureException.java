package org.ftpscope.capture;

/** The file cannot be read as a capture at all; the message names the file. */
public final class CaptureException extends Exception {
    public CaptureException(String message) { super(message); }
    public CaptureException(String message, Throwable cause) { super(message, cause); }
}
