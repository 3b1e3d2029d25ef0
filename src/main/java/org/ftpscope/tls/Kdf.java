package org.ftpscope.tls;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/** The key derivation functions: TLS 1.0-1.2 PRF (RFC 2246 5, RFC 5246 5) and HKDF-Expand-Label (RFC 8446 7.1). */
public final class Kdf {
    private Kdf() {}

    /** TLS 1.2 PRF: P_hash(secret, label + seed) with the suite's HMAC ({@code HmacSHA256} or {@code HmacSHA384}). */
    public static byte[] prf12(String hmac, byte[] secret, String label, byte[] seed, int length) {
        return pHash(hmac, secret, concat(label.getBytes(StandardCharsets.US_ASCII), seed), length);
    }

    /** TLS 1.0/1.1 PRF: P_MD5 over the secret's first half XOR P_SHA1 over its second half. */
    public static byte[] prf10(byte[] secret, String label, byte[] seed, int length) {
        int half = (secret.length + 1) / 2;
        byte[] s1 = java.util.Arrays.copyOfRange(secret, 0, half);
        byte[] s2 = java.util.Arrays.copyOfRange(secret, secret.length - half, secret.length);
        byte[] ls = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
        byte[] a = pHash("HmacMD5", s1, ls, length);
        byte[] b = pHash("HmacSHA1", s2, ls, length);
        for (int i = 0; i < length; i++) a[i] ^= b[i];
        return a;
    }

    static byte[] pHash(String hmac, byte[] secret, byte[] seed, int length) {
        Mac mac = mac(hmac, secret);
        byte[] out = new byte[length];
        byte[] a = seed;
        int pos = 0;
        while (pos < length) {
            a = mac.doFinal(a);
            mac.update(a);
            byte[] block = mac.doFinal(seed);
            int n = Math.min(block.length, length - pos);
            System.arraycopy(block, 0, out, pos, n);
            pos += n;
        }
        return out;
    }

    /** HKDF-Expand (RFC 5869 2.3) with {@code prk} as key. */
    public static byte[] hkdfExpand(String hmac, byte[] prk, byte[] info, int length) {
        Mac mac = mac(hmac, prk);
        byte[] out = new byte[length];
        byte[] t = new byte[0];
        int pos = 0;
        for (int i = 1; pos < length; i++) {
            mac.update(t);
            mac.update(info);
            mac.update((byte) i);
            t = mac.doFinal();
            int n = Math.min(t.length, length - pos);
            System.arraycopy(t, 0, out, pos, n);
            pos += n;
        }
        return out;
    }

    /** HKDF-Expand-Label(secret, "tls13 " + label, context, length). */
    public static byte[] expandLabel(String hmac, byte[] secret, String label, byte[] context, int length) {
        byte[] l = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        byte[] info = new byte[2 + 1 + l.length + 1 + context.length];
        info[0] = (byte) (length >> 8);
        info[1] = (byte) length;
        info[2] = (byte) l.length;
        System.arraycopy(l, 0, info, 3, l.length);
        info[3 + l.length] = (byte) context.length;
        System.arraycopy(context, 0, info, 4 + l.length, context.length);
        return hkdfExpand(hmac, secret, info, length);
    }

    static Mac mac(String alg, byte[] key) {
        try {
            Mac m = Mac.getInstance(alg);
            // An empty key is legal for HMAC but not for SecretKeySpec; one zero byte is the same HMAC key.
            m.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, alg));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + alg, e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
