package org.ftpscope.tls;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Opens the protected records of one direction with one set of keys: TLS 1.2 AEAD (AES-GCM with
 * its 8-byte explicit nonce, ChaCha20-Poly1305 with the RFC 7905 nonce), TLS 1.0-1.2 AES-CBC with
 * HMAC (MAC-then-encrypt, or encrypt-then-MAC under RFC 7366; explicit IV from TLS 1.1 on, chained
 * IV in TLS 1.0), and TLS 1.3 AEAD with the inner content type. Every record is authenticated: a
 * failing tag or MAC throws {@link BadRecord}, and nothing of that record is returned.
 */
final class RecordProtection {
    static final class BadRecord extends Exception {
        BadRecord(String m) { super(m); }
    }

    /** The opened record: its real content type (TLS 1.3: the inner type) and plaintext. */
    record Plain(int type, byte[] data) {}

    private final CipherSuite suite;
    private final int version;
    private final boolean tls13;
    private final boolean encryptThenMac;
    private final SecretKeySpec key;
    private final byte[] iv;
    private final Mac mac;
    private final Cipher cipher;
    private long seq;

    private RecordProtection(CipherSuite suite, int version, byte[] key, byte[] iv, byte[] macKey, boolean etm) {
        this.suite = suite;
        this.version = version;
        this.tls13 = version == TlsVersion.TLS13;
        this.encryptThenMac = etm;
        this.iv = iv;
        try {
            switch (suite.bulk()) {
                case AES_GCM -> { this.key = new SecretKeySpec(key, "AES"); this.cipher = Cipher.getInstance("AES/GCM/NoPadding"); }
                case CHACHA20_POLY1305 -> { this.key = new SecretKeySpec(key, "ChaCha20"); this.cipher = Cipher.getInstance("ChaCha20-Poly1305"); }
                default -> { this.key = new SecretKeySpec(key, "AES"); this.cipher = Cipher.getInstance("AES/CBC/NoPadding"); }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks the cipher of " + suite.name(), e);
        }
        this.mac = macKey == null ? null : Kdf.mac(suite.macAlgorithm(), macKey);
    }

    /** TLS 1.3 keys from a traffic secret (RFC 8446 7.3). */
    static RecordProtection tls13(CipherSuite suite, byte[] trafficSecret) {
        byte[] key = Kdf.expandLabel(suite.prfHmac(), trafficSecret, "key", new byte[0], suite.keyLength());
        byte[] iv = Kdf.expandLabel(suite.prfHmac(), trafficSecret, "iv", new byte[0], 12);
        return new RecordProtection(suite, TlsVersion.TLS13, key, iv, null, false);
    }

    /** The next TLS 1.3 application traffic secret after a KeyUpdate (RFC 8446 7.2). */
    static byte[] nextTrafficSecret(CipherSuite suite, byte[] secret) {
        return Kdf.expandLabel(suite.prfHmac(), secret, "traffic upd", new byte[0], suite.hashLength());
    }

    /** Both directions' TLS 1.0-1.2 keys from the master secret (RFC 5246 6.3); [0] client, [1] server. */
    static RecordProtection[] tls12(CipherSuite suite, int version, byte[] master, byte[] clientRandom,
                                    byte[] serverRandom, boolean etm) {
        int macLen = suite.bulk() == CipherSuite.Bulk.AES_CBC ? suite.macLength() : 0;
        int keyLen = suite.keyLength();
        int ivLen = switch (suite.bulk()) { case AES_GCM -> 4; case CHACHA20_POLY1305 -> 12; case AES_CBC -> 16; };
        int n = 2 * (macLen + keyLen + ivLen);
        byte[] seed = Kdf.concat(serverRandom, clientRandom);
        byte[] block = version >= TlsVersion.TLS12
                ? Kdf.prf12(suite.prfHmac(), master, "key expansion", seed, n)
                : Kdf.prf10(master, "key expansion", seed, n);
        int p = 0;
        byte[] cMac = Arrays.copyOfRange(block, p, p += macLen), sMac = Arrays.copyOfRange(block, p, p += macLen);
        byte[] cKey = Arrays.copyOfRange(block, p, p += keyLen), sKey = Arrays.copyOfRange(block, p, p += keyLen);
        byte[] cIv = Arrays.copyOfRange(block, p, p += ivLen), sIv = Arrays.copyOfRange(block, p, p + ivLen);
        boolean cbc = suite.bulk() == CipherSuite.Bulk.AES_CBC;
        return new RecordProtection[] {
                new RecordProtection(suite, version, cKey, cIv, cbc ? cMac : null, cbc && etm),
                new RecordProtection(suite, version, sKey, sIv, cbc ? sMac : null, cbc && etm)};
    }

    /** Records opened so far with these keys (the next sequence number). */
    long sequence() { return seq; }

    Plain open(TlsRecord r) throws BadRecord {
        try {
            Plain p = switch (suite.bulk()) {
                case AES_GCM, CHACHA20_POLY1305 -> tls13 ? open13(r) : openAead12(r);
                case AES_CBC -> openCbc(r);
            };
            seq++;
            return p;
        } catch (GeneralSecurityException e) {
            throw new BadRecord((suite.bulk() == CipherSuite.Bulk.AES_CBC ? "decryption failed" : "authentication tag does not match")
                    + " (record " + seq + " of this key)");
        }
    }

    private byte[] nonceXorSeq() {
        byte[] n = iv.clone();
        for (int i = 0; i < 8; i++) n[n.length - 1 - i] ^= (byte) (seq >>> (8 * i));
        return n;
    }

    private Plain open13(TlsRecord r) throws GeneralSecurityException, BadRecord {
        if (r.fragment().length < 17) throw new BadRecord("record too short for TLS 1.3 AEAD");
        init(nonceXorSeq());
        cipher.updateAAD(r.header());
        byte[] inner = cipher.doFinal(r.fragment());
        int i = inner.length - 1;
        while (i >= 0 && inner[i] == 0) i--;
        if (i < 0) throw new BadRecord("TLS 1.3 record without inner content type");
        return new Plain(inner[i] & 0xff, Arrays.copyOf(inner, i));
    }

    private Plain openAead12(TlsRecord r) throws GeneralSecurityException, BadRecord {
        byte[] f = r.fragment();
        byte[] nonce;
        int off;
        if (suite.bulk() == CipherSuite.Bulk.AES_GCM) {
            if (f.length < 8 + 16) throw new BadRecord("record too short for AES-GCM");
            nonce = new byte[12];
            System.arraycopy(iv, 0, nonce, 0, 4);
            System.arraycopy(f, 0, nonce, 4, 8);
            off = 8;
        } else {
            if (f.length < 16) throw new BadRecord("record too short for ChaCha20-Poly1305");
            nonce = nonceXorSeq();
            off = 0;
        }
        init(nonce);
        cipher.updateAAD(aad(r.type(), r.version(), f.length - off - 16));
        return new Plain(r.type(), cipher.doFinal(f, off, f.length - off));
    }

    private Plain openCbc(TlsRecord r) throws GeneralSecurityException, BadRecord {
        byte[] f = r.fragment();
        int macLen = suite.macLength();
        boolean explicitIv = version >= TlsVersion.TLS11;
        int ivLen = explicitIv ? 16 : 0;
        int encEnd = encryptThenMac ? f.length - macLen : f.length;
        int encLen = encEnd - ivLen;
        if (encLen <= 0 || encLen % 16 != 0) throw new BadRecord("CBC record length " + f.length + " is not whole blocks");
        if (encryptThenMac) {
            mac.update(aad(r.type(), r.version(), encEnd));
            mac.update(f, 0, encEnd);
            if (!MessageDigest.isEqual(mac.doFinal(), Arrays.copyOfRange(f, encEnd, f.length))) {
                throw new BadRecord("MAC does not match (encrypt-then-MAC, record " + seq + " of this key)");
            }
        }
        byte[] recordIv = explicitIv ? Arrays.copyOfRange(f, 0, 16) : iv;
        cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(recordIv));
        byte[] p = cipher.doFinal(f, ivLen, encLen);
        if (!explicitIv) System.arraycopy(f, encEnd - 16, iv, 0, 16); // TLS 1.0: the next IV is the last block
        int pad = p[p.length - 1] & 0xff;
        int contentLen = p.length - pad - 1 - (encryptThenMac ? 0 : macLen);
        if (contentLen < 0) throw new BadRecord("bad CBC padding (record " + seq + " of this key)");
        for (int i = p.length - 1 - pad; i < p.length; i++) {
            if ((p[i] & 0xff) != pad) throw new BadRecord("bad CBC padding (record " + seq + " of this key)");
        }
        if (!encryptThenMac) {
            mac.update(aad(r.type(), r.version(), contentLen));
            mac.update(p, 0, contentLen);
            if (!MessageDigest.isEqual(mac.doFinal(), Arrays.copyOfRange(p, contentLen, contentLen + macLen))) {
                throw new BadRecord("MAC does not match (record " + seq + " of this key)");
            }
        }
        return new Plain(r.type(), Arrays.copyOf(p, contentLen));
    }

    private void init(byte[] nonce) throws GeneralSecurityException {
        if (suite.bulk() == CipherSuite.Bulk.AES_GCM) cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        else cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(nonce));
    }

    /** seq_num + type + version + length: the MAC input header and the TLS 1.2 AEAD additional data. */
    private byte[] aad(int type, int version, int length) {
        byte[] a = new byte[13];
        for (int i = 0; i < 8; i++) a[i] = (byte) (seq >>> (56 - 8 * i));
        a[8] = (byte) type;
        a[9] = (byte) (version >> 8);
        a[10] = (byte) version;
        a[11] = (byte) (length >> 8);
        a[12] = (byte) length;
        return a;
    }
}
