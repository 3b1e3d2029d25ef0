package org.ftpscope.ftp.findings;

import org.ftpscope.ftp.model.Severity;

/**
 * The registry of diagnoses: each kind has a stable id, a severity, a title, what it means and
 * what to do about it. Adding a diagnosis is one entry here, its rule class, and a line in
 * {@link FindingRules#ALL}.
 */
public enum FindingKind {
    PASV_ADDRESS_MISMATCH("pasv-address-mismatch", Severity.WARNING,
            "Server advertises a different address for passive mode",
            "The 227/228 reply names an address that is not the one the client reached the server at "
                    + "(often the server's private address behind NAT, or 0.0.0.0). Clients that trust it "
                    + "connect to an address that does not work; many modern clients ignore it and use the "
                    + "control connection's address instead.",
            "Set the server's public address for passive mode (vsftpd: pasv_address; proftpd: "
                    + "MasqueradeAddress; FileZilla Server: passive-mode external IP), or let the NAT device's "
                    + "FTP helper rewrite it."),
    DATA_CONNECTION_BLOCKED("data-connection-blocked", Severity.ERROR,
            "Data connection blocked (SYN without answer)",
            "The data connection's SYN was never answered: a firewall or NAT device drops traffic to "
                    + "the data port, so listings and transfers hang after a successful login.",
            "Open the passive port range on the server's firewall (and pin the range in the server's "
                    + "configuration), or, for active mode, allow the server's connections back to the client."),
    DATA_CONNECTION_REFUSED("data-connection-refused", Severity.ERROR,
            "Data connection refused (RST to the SYN)",
            "The data connection's SYN was answered with a reset: nothing listens on that port, or a "
                    + "firewall rejects the connection.",
            "Check that the address and port in the setup reply are the ones the server listens on, and "
                    + "that no firewall rejects the data port range."),
    DATA_CONNECTION_MISSING("data-connection-missing", Severity.WARNING,
            "No data connection in the capture",
            "A data channel was set up and a transfer command sent, but no matching TCP connection "
                    + "appears in the capture. Either it was blocked before the capture point, or it took a "
                    + "path the capture did not see.",
            "Capture on both sides of the firewall, and check the firewall's log for the data port."),
    BOUNCE_ATTEMPT("bounce-attempt", Severity.ERROR,
            "FTP bounce attempt (PORT names another host)",
            "The client asked the server to open the data connection to a host other than itself. This is "
                    + "the FTP bounce attack (RFC 2577): the server is used to reach a third party.",
            "Servers should refuse PORT/EPRT to any address but the client's (vsftpd does unless "
                    + "port_promiscuous=YES). Investigate the client."),
    PRIVILEGED_DATA_PORT("privileged-data-port", Severity.WARNING,
            "Data port below 1024 requested",
            "PORT/EPRT named a port below 1024. Legitimate clients use high ports; a privileged port is a "
                    + "sign of a bounce or port-scanning attempt (RFC 2577).",
            "Servers should refuse data connections to ports below 1024."),
    CLEARTEXT_CREDENTIALS("cleartext-credentials", Severity.WARNING,
            "Password sent in cleartext",
            "USER and PASS crossed the network unencrypted: anyone on the path can read them.",
            "Use FTPS (AUTH TLS) or SFTP, and change the exposed password."),
    LOGIN_FAILED("login-failed", Severity.WARNING,
            "Login failed",
            "The server rejected the credentials (530). Many failures in a row are a brute-force attempt.",
            "Check user name and password; for repeated failures, block the source and review the logs."),
    BRUTE_FORCE("brute-force", Severity.ERROR,
            "Password guessing",
            "One client failed to log in many times, across connections: a brute-force attack on the "
                    + "FTP server's accounts.",
            "Block the source address, rate-limit logins (fail2ban), and check the accounts it tried."),
    TLS_CONTROL_CHANNEL("tls-control-channel", Severity.INFO,
            "Control channel encrypted (AUTH TLS)",
            "After AUTH TLS and the server's 234 reply the control connection is encrypted: commands, "
                    + "replies and the data-channel ports are no longer visible, so data connections cannot be "
                    + "tied to commands, and NAT helpers cannot rewrite addresses.",
            "Firewalls in front of an FTPS server need the whole passive port range opened statically."),
    TLS_DATA_NOT_DECRYPTED("tls-data-not-decrypted", Severity.INFO,
            "Data connection encrypted (PROT P), not decrypted",
            "The data connection carries TLS records (PROT P): its bytes are counted, but the file's "
                    + "content and SHA-256 are not known without the TLS session keys.",
            "Give the client's key log (SSLKEYLOGFILE, written by curl, lftp/GnuTLS, browsers, Python) "
                    + "with --tls-keylog to decrypt FTPS."),
    TLS_DATA_BYTES_MISSING("tls-data-bytes-missing", Severity.INFO,
            "TLS data connection: bytes missing from the capture",
            "Bytes of a TLS-protected (PROT P) data connection are missing from the capture (lost by the "
                    + "capture, or cut by its snapshot length). TLS records can only be found in order: after a "
                    + "hole their boundaries are unknown, so nothing after it is decrypted, whatever the key log "
                    + "holds. The records before the hole are decrypted.",
            "Capture again without losing frames: a full snapshot length (tcpdump -s 0), a larger capture "
                    + "buffer (tcpdump -B), or capturing on the client or server itself."),
    TRANSFER_INCOMPLETE("transfer-incomplete", Severity.ERROR,
            "Transfer incomplete",
            "Fewer bytes arrived than the server announced, bytes are missing from the capture, or the "
                    + "server reported the transfer as aborted.",
            "Look at the data connection for resets or timeouts; retry the transfer."),
    CAPTURE_TRUNCATED("capture-truncated", Severity.INFO,
            "Capture cut frames short (snaplen)",
            "The capture's snapshot length cut data frames short, so the transferred content is not "
                    + "fully in the capture; sizes are taken from the headers, content hashes are incomplete.",
            "Capture with the full snapshot length (tcpdump -s 0)."),
    TRANSFER_FAILED("transfer-failed", Severity.WARNING,
            "Transfer command failed",
            "The server answered the transfer command with an error (4xx/5xx), e.g. 550 file not found "
                    + "or 425 can't open data connection.",
            "Read the server's reply text; 425 points at the data connection, 550 at the path or permissions."),
    INVALID_SETUP_REPLY("invalid-setup-reply", Severity.WARNING,
            "Malformed data-channel setup",
            "A PASV/EPSV/PORT/EPRT line could not be understood (e.g. an octet above 255); no data "
                    + "connection can be expected from it.",
            "Check the server or client software that produced it."),
    CONTROL_BYTES_MISSING("control-bytes-missing", Severity.WARNING,
            "Control-channel bytes missing from the capture",
            "Part of the control connection is not in the capture (packets the capture point lost, or frames "
                    + "cut by the snaplen). Commands or replies there are unknown; the analysis pairs the replies "
                    + "that remain with the commands they can answer and says which exchanges are incomplete.",
            "Capture closer to the hosts, with a larger buffer (tcpdump -B) and the full snapshot length (-s 0)."),
    DATA_CONNECTION_HIJACK("data-connection-hijack", Severity.ERROR,
            "Data connection from a third host",
            "A host that is neither the session's client (passive mode) nor its server (active mode) "
                    + "connected to the data port a setup announced: passive-port theft, or a race for the port. "
                    + "Its connection is never taken as the transfer; the expected host's connection is.",
            "Make the server accept data connections only from the control connection's peer (vsftpd: "
                    + "pasv_promiscuous=NO, the default; pure-ftpd refuses them unless configured otherwise), "
                    + "use FTPS with session reuse, and investigate the third host."),
    DATA_CONNECTIONS_NOT_CAPTURED("data-connections-not-captured", Severity.INFO,
            "No data connection in the capture at all",
            "The capture holds the control connections but none of the data connections, typically "
                    + "because it was taken with a filter such as `port 21`. The server's replies still tell "
                    + "whether each transfer succeeded; sizes and contents are not in the capture.",
            "Capture without a port filter (or with the passive port range), e.g. tcpdump host SERVER."),
    ONE_DIRECTION_CAPTURED("one-direction-captured", Severity.WARNING,
            "Only one direction of connections in the capture",
            "The capture holds the segments of one side of these TCP connections and none of the other's, although "
                    + "the captured side's ACKs show that the other side sent segments (an ACK acknowledges the peer's "
                    + "SYN or data). What the other side sent (FTP commands or replies, data, its FIN) is not in the "
                    + "capture, so it is not known: it is neither taken for silence nor for loss. Typical causes: a "
                    + "capture filter on one address or direction (src host …), asymmetric routing past the capture "
                    + "point, or a tap or SPAN port that copies one direction only.",
            "Capture where both directions pass (on the client or the server itself, or a SPAN port that mirrors "
                    + "both directions), without a filter on the source or destination alone."),
    SERVER_UNREACHABLE("server-unreachable", Severity.ERROR,
            "FTP server unreachable or refusing",
            "Connections to the FTP control port got no answer to their SYN, or were refused with a reset: "
                    + "the server is down, nothing listens on the port, or a firewall drops or rejects it.",
            "Check that the FTP server runs and listens on the port, and the firewalls on the path."),
    ENCRYPTED_SESSION_DATA("encrypted-session-data", Severity.INFO,
            "Data connections of an encrypted session (inferred)",
            "The control channel is encrypted (FTPS) and no key log was given, so no PASV/PORT can be read: "
                    + "connections between the session's hosts while it was open are taken as its data connections "
                    + "by their timing and ports, and counted with their bytes and duration.",
            "Give the client's key log (SSLKEYLOGFILE) with --tls-keylog to see the commands and the files."),
    ORPHAN_DATA_CONNECTION("orphan-data-connection", Severity.INFO,
            "Data connection without its control connection",
            "A connection that is FTP data by its ports (port 20, or a port in the server's passive range) "
                    + "has no control connection or setup in the capture, so no command can be tied to it.",
            "Capture the whole session, from before the login, including port 21."),
    MALFORMED_CONTROL("malformed-control", Severity.INFO,
            "Malformed control-channel line",
            "A reply without a valid 3-digit code, or a line longer than the limit, was seen on the control "
                    + "connection.",
            "Usually harmless; repeated garbage may be an evasion attempt."),
    BOUNCE_SCAN("bounce-scan", Severity.ERROR,
            "Port scan through the FTP server (bounce scan, nmap -b)",
            "The client named one third host with many different ports in PORT/EPRT commands, each followed "
                    + "by a transfer command (LIST/RETR): the FTP server was used to probe that host's ports "
                    + "(RFC 2577, nmap's -b scan). The server's answers tell the scanner which ports are open: "
                    + "150 then 226 (the server connected), 425 (it could not).",
            "Refuse PORT/EPRT to any address but the client's (vsftpd: port_promiscuous=NO, the default; "
                    + "ProFTPD: AllowForeignAddress off) and ports below 1024; block the scanning client."),
    DATA_CHANNEL_FLOOD("data-channel-flood", Severity.WARNING,
            "PASV/PORT flood (data channels set up and never used)",
            "The client set up many data channels (PASV/EPSV replies or PORT/EPRT commands) that no transfer "
                    + "command used. Each one makes the server (PASV: a listening port) and every stateful firewall "
                    + "or NAT helper on the path (an expected connection) hold state: a way to exhaust the "
                    + "passive port range or the firewall's expectation table.",
            "Limit connections and commands per client (vsftpd: max_per_ip; fail2ban), keep the passive range "
                    + "and the firewall's FTP-helper expectations bounded, and block the client.");

    private final String id;
    private final Severity severity;
    private final String title;
    private final String explanation;
    private final String suggestedFix;

    FindingKind(String id, Severity severity, String title, String explanation, String suggestedFix) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.explanation = explanation;
        this.suggestedFix = suggestedFix;
    }

    public String id() { return id; }

    public Severity severity() { return severity; }

    public String title() { return title; }

    public String explanation() { return explanation; }

    public String suggestedFix() { return suggestedFix; }
}
