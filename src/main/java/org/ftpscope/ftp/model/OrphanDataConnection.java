package org.ftpscope.ftp.model;

import org.ftpscope.decode.Endpoint;

/**
 * A TCP connection that is an FTP data connection by its ports, but whose control connection or
 * setup is not in the capture, so no transfer command can be tied to it.
 *
 * @param client        the side that opened it
 * @param bytesToServer payload bytes from {@code client} to {@code server}
 * @param reason        why it is taken as FTP data, in words
 */
public record OrphanDataConnection(int stream, Endpoint client, Endpoint server, int firstFrame, int lastFrame,
                                   long bytesToServer, long bytesToClient, String reason) {}
