package org.ftpscope.ftp.session;

/**
 * A TCP connection claimed by an expected data channel.
 *
 * @param usedAdvertisedAddress false when the connection went to the control connection's
 *                              address instead of the advertised one (NAT, or a client that
 *                              ignores the PASV address)
 * @param sourcePort20          for active modes: the server connected from port 20
 * @param foreign               the connection came from a host that is not the expected connector:
 *                              it is reported, never taken as the transfer, and the entry stays
 *                              for the expected host
 */
public record DataChannelMatch(ExpectedChannel expected, int stream, int synFrame,
                               boolean usedAdvertisedAddress, boolean sourcePort20, boolean foreign) {

    public DataChannelMatch(ExpectedChannel expected, int stream, int synFrame, boolean usedAdvertisedAddress,
                            boolean sourcePort20) {
        this(expected, stream, synFrame, usedAdvertisedAddress, sourcePort20, false);
    }
}
