package org.ftpscope.decode;

/** The application protocol's Protocol and Info columns for a frame (e.g. {@code FTP}, {@code Request: PASV}). */
public record AppLabel(String protocol, String info) {}
