package org.ftpscope.ftp.model;

import org.ftpscope.tcp.Direction;

public enum TransferDirection {
    DOWNLOAD, UPLOAD, LISTING;

    /**
     * Which direction of the data connection carries the bytes. In passive modes the FTP server
     * accepted the connection (it is the TCP server), in active modes it opened it; downloads and
     * listings flow from the FTP server.
     */
    public Direction dataDirection(DataMode mode) {
        boolean fromFtpServer = this != UPLOAD;
        return fromFtpServer == mode.passive() ? Direction.SERVER_TO_CLIENT : Direction.CLIENT_TO_SERVER;
    }

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** The direction a transfer command moves data in, or null for non-transfer commands. */
    public static TransferDirection of(String verb) {
        return switch (verb) {
            case "RETR" -> DOWNLOAD;
            case "STOR", "STOU", "APPE" -> UPLOAD;
            case "LIST", "NLST", "MLSD" -> LISTING;
            default -> null;
        };
    }
}
