package org.ftpscope.ftp.model;

import org.ftpscope.decode.Endpoint;

/**
 * The TCP connection that carried (or should have carried) a transfer.
 *
 * @param client                the side that connected (the FTP client in passive mode, the
 *                              FTP server in active mode)
 * @param synCount              SYNs sent, retransmissions included
 * @param usedAdvertisedAddress whether it went to the advertised address (false: the control
 *                              connection's address was used instead)
 * @param bytesFromClient       payload bytes {@code client} sent, in the capture
 * @param bytesFromServer       payload bytes {@code server} sent, in the capture
 */
public record DataConnection(int stream, Endpoint client, Endpoint server, int synFrame, int synCount,
                             int synAckFrame, int rstFrame, DataState state, boolean usedAdvertisedAddress,
                             boolean sourcePort20, int firstFrame, int lastFrame, long startNanos, long endNanos,
                             long bytesFromClient, long bytesFromServer) {}
