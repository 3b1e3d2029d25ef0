package org.ftpscope.ftp;

public enum TransferDirection {
    DOWNLOAD, UPLOAD, LISTING;

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
