package org.ftpscope.tls;

/**
 * Why a direction's protected records have no plaintext from some point on, so that what is said
 * about them names the real cause: bytes missing from the capture are not a key log problem.
 *
 * @param cause what stopped decryption
 * @param text  the cause in words, true on its own
 */
public record NoPlaintext(Cause cause, String text) {
    public enum Cause {
        /**
         * Bytes of the direction are missing from the capture (lost, or cut by the snaplen) while
         * nothing was wrong with the keys: record boundaries after a hole are unknown, so no later
         * record can be opened whatever the key log holds.
         */
        BYTES_MISSING,
        /** No key log, no key for this connection, a key that does not fit, or a suite not decrypted. */
        KEY,
        /** The bytes stopped being TLS records (not a record header where one should begin). */
        RECORD_LAYER
    }
}
