package org.ftpscope.ftp;

/** What a TCP stream is to FTP: a session's control connection, or the data connection of a setup. */
public record StreamRole(int session, int setupId, boolean control) {}
