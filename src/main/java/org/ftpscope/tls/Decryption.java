package org.ftpscope.tls;

/** Why a direction's protected records were or were not decrypted. */
public enum Decryption {
    /** Every protected record opened and authenticated. */
    DECRYPTED,
    /** No protected record in this direction (the handshake never got that far, or the capture ends). */
    NOTHING_PROTECTED,
    /** No key log was given. */
    NO_KEY_LOG,
    /** The key log has no secret for this connection's client random. */
    KEY_MISSING,
    /** The negotiated cipher suite is not one ftpscope decrypts. */
    UNSUPPORTED,
    /** A record failed authentication: the secret is wrong (or the bytes were damaged). */
    FAILED,
    /** The record layer was lost (a capture gap): records up to there were decrypted. */
    LOST
}
