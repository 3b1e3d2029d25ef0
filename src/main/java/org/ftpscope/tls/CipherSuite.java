package org.ftpscope.tls;

import java.util.HashMap;
import java.util.Map;

/**
 * A cipher suite ftpscope can name and decrypt: its bulk cipher, key length, record MAC (CBC
 * suites only) and the hash of its PRF (TLS 1.2) or HKDF (TLS 1.3).
 */
public record CipherSuite(int code, String name, Bulk bulk, int keyLength, String macAlgorithm, int macLength,
                          String prfHmac, boolean tls13) {

    public enum Bulk { AES_GCM, CHACHA20_POLY1305, AES_CBC }

    private static final Map<Integer, CipherSuite> SUITES = new HashMap<>();

    private static void add(int code, String name, Bulk bulk, int keyLength, String mac, int macLength, String prf) {
        SUITES.put(code, new CipherSuite(code, name, bulk, keyLength, mac, macLength, prf, name.startsWith("TLS_AES")
                || name.equals("TLS_CHACHA20_POLY1305_SHA256")));
    }

    static {
        String s256 = "HmacSHA256", s384 = "HmacSHA384";
        add(0x1301, "TLS_AES_128_GCM_SHA256", Bulk.AES_GCM, 16, null, 0, s256);
        add(0x1302, "TLS_AES_256_GCM_SHA384", Bulk.AES_GCM, 32, null, 0, s384);
        add(0x1303, "TLS_CHACHA20_POLY1305_SHA256", Bulk.CHACHA20_POLY1305, 32, null, 0, s256);

        add(0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", Bulk.AES_GCM, 16, null, 0, s256);
        add(0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", Bulk.AES_GCM, 32, null, 0, s384);
        add(0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", Bulk.AES_GCM, 16, null, 0, s256);
        add(0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", Bulk.AES_GCM, 32, null, 0, s384);
        add(0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256", Bulk.AES_GCM, 16, null, 0, s256);
        add(0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384", Bulk.AES_GCM, 32, null, 0, s384);
        add(0x009e, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", Bulk.AES_GCM, 16, null, 0, s256);
        add(0x009f, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", Bulk.AES_GCM, 32, null, 0, s384);

        add(0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", Bulk.CHACHA20_POLY1305, 32, null, 0, s256);
        add(0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", Bulk.CHACHA20_POLY1305, 32, null, 0, s256);
        add(0xccaa, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", Bulk.CHACHA20_POLY1305, 32, null, 0, s256);

        add(0xc009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", Bulk.AES_CBC, 16, "HmacSHA1", 20, s256);
        add(0xc00a, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", Bulk.AES_CBC, 32, "HmacSHA1", 20, s256);
        add(0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", Bulk.AES_CBC, 16, "HmacSHA1", 20, s256);
        add(0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", Bulk.AES_CBC, 32, "HmacSHA1", 20, s256);
        add(0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA", Bulk.AES_CBC, 16, "HmacSHA1", 20, s256);
        add(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA", Bulk.AES_CBC, 32, "HmacSHA1", 20, s256);
        add(0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA", Bulk.AES_CBC, 16, "HmacSHA1", 20, s256);
        add(0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA", Bulk.AES_CBC, 32, "HmacSHA1", 20, s256);
        add(0x003c, "TLS_RSA_WITH_AES_128_CBC_SHA256", Bulk.AES_CBC, 16, s256, 32, s256);
        add(0x003d, "TLS_RSA_WITH_AES_256_CBC_SHA256", Bulk.AES_CBC, 32, s256, 32, s256);
        add(0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", Bulk.AES_CBC, 16, s256, 32, s256);
        add(0x006b, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256", Bulk.AES_CBC, 32, s256, 32, s256);
        add(0xc023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", Bulk.AES_CBC, 16, s256, 32, s256);
        add(0xc027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", Bulk.AES_CBC, 16, s256, 32, s256);
        add(0xc024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", Bulk.AES_CBC, 32, s384, 48, s384);
        add(0xc028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", Bulk.AES_CBC, 32, s384, 48, s384);
    }

    /** The suite, or null when ftpscope cannot decrypt it (its name is still in {@link #nameOf}). */
    public static CipherSuite byCode(int code) { return SUITES.get(code); }

    /** IANA name, or {@code 0x%04x} for a suite ftpscope does not know. */
    public static String nameOf(int code) {
        CipherSuite s = SUITES.get(code);
        if (s != null) return s.name;
        return switch (code) {
            case 0x00ff -> "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";
            case 0x5600 -> "TLS_FALLBACK_SCSV";
            case 0x000a -> "TLS_RSA_WITH_3DES_EDE_CBC_SHA";
            case 0x0005 -> "TLS_RSA_WITH_RC4_128_SHA";
            case 0x1304 -> "TLS_AES_128_CCM_SHA256";
            case 0x1305 -> "TLS_AES_128_CCM_8_SHA256";
            default -> String.format("0x%04x", code);
        };
    }

    /** Hash length of the PRF/HKDF hash, in bytes. */
    public int hashLength() { return prfHmac.equals("HmacSHA384") ? 48 : 32; }
}
