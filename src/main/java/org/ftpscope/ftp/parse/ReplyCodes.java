package org.ftpscope.ftp.parse;

/** Descriptions of reply codes, as Wireshark's FTP dissector names them (RFC 959 and successors). */
public final class ReplyCodes {
    private ReplyCodes() {}

    public static String describe(int code) {
        return switch (code) {
            case 110 -> "Restart marker reply";
            case 120 -> "Service ready in nnn minutes";
            case 125 -> "Data connection already open; transfer starting";
            case 150 -> "File status okay; about to open data connection";
            case 200 -> "Command okay";
            case 202 -> "Command not implemented, superfluous at this site";
            case 211 -> "System status, or system help reply";
            case 212 -> "Directory status";
            case 213 -> "File status";
            case 214 -> "Help message";
            case 215 -> "NAME system type";
            case 220 -> "Service ready for new user";
            case 221 -> "Service closing control connection";
            case 225 -> "Data connection open; no transfer in progress";
            case 226 -> "Closing data connection";
            case 227 -> "Entering Passive Mode";
            case 228 -> "Entering Long Passive Mode";
            case 229 -> "Entering Extended Passive Mode";
            case 230 -> "User logged in, proceed";
            case 232 -> "User logged in, authorized by security data exchange";
            case 234 -> "Security data exchange complete";
            case 235 -> "Security data exchange completed successfully";
            case 250 -> "Requested file action okay, completed";
            case 257 -> "PATHNAME created";
            case 331 -> "User name okay, need password";
            case 332 -> "Need account for login";
            case 334 -> "Requested security mechanism is ok";
            case 335 -> "Security data is acceptable, more is required";
            case 336 -> "Username okay, need password. Challenge is ...";
            case 350 -> "Requested file action pending further information";
            case 421 -> "Service not available, closing control connection";
            case 425 -> "Can't open data connection";
            case 426 -> "Connection closed; transfer aborted";
            case 431 -> "Need some unavailable resource to process security";
            case 450 -> "Requested file action not taken";
            case 451 -> "Requested action aborted: local error in processing";
            case 452 -> "Requested action not taken. Insufficient storage space in system";
            case 500 -> "Syntax error, command unrecognized";
            case 501 -> "Syntax error in parameters or arguments";
            case 502 -> "Command not implemented";
            case 503 -> "Bad sequence of commands";
            case 504 -> "Command not implemented for that parameter";
            case 522 -> "Network protocol not supported";
            case 530 -> "Not logged in";
            case 532 -> "Need account for storing files";
            case 533 -> "Command protection level denied for policy reasons";
            case 534 -> "Request denied for policy reasons";
            case 535 -> "Failed security check";
            case 536 -> "Requested PROT level not supported by mechanism";
            case 537 -> "Command protection level not supported by security mechanism";
            case 550 -> "Requested action not taken: File unavailable";
            case 551 -> "Requested action aborted: page type unknown";
            case 552 -> "Requested file action aborted: Exceeded storage allocation";
            case 553 -> "Requested action not taken: File name not allowed";
            case 631 -> "Integrity protected reply";
            case 632 -> "Confidentiality and integrity protected reply";
            case 633 -> "Confidentiality protected reply";
            default -> "Unknown";
        };
    }
}
