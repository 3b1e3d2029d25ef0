package org.ftpscope.tls;

/**
 * What one direction of a TLS connection carried and how much of it was decrypted.
 *
 * @param records          TLS records parsed
 * @param protectedRecords records under encryption (after ChangeCipherSpec, or after the TLS 1.3 ServerHello)
 * @param decryptedRecords protected records that opened and authenticated
 * @param applicationBytes decrypted application-data bytes (the FTP commands, replies or file bytes)
 * @param detail           why not decrypted, or what stopped it; null when all was decrypted
 * @param problemFrame     frame of the failing record or the gap, 0 when none
 */
public record TlsDirectionSummary(long records, long protectedRecords, long decryptedRecords, long applicationBytes,
                                  long applicationRecords, Decryption decryption, String detail, int problemFrame) {}
