package org.ftpscope.tls;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Known answers for the key derivations (independent of the captures that also exercise them). */
class KdfTest {
    static final HexFormat HEX = HexFormat.of();

    @Test
    void tls12PrfSha256KnownAnswer() {
        // The widely used TLS 1.2 PRF (P_SHA256) test vector: secret, seed, label "test label", 100 bytes.
        byte[] out = Kdf.prf12("HmacSHA256", HEX.parseHex("9bbe436ba940f017b17652849a71db35"), "test label",
                HEX.parseHex("a0ba9f936cda311827a6f796ffd5198c"), 100);
        assertEquals("e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a6b301791e90d35c9c9a46b4e14baf9af"
                + "0fa022f7077def17abfd3797c0564bab4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff70187347b66",
                HEX.formatHex(out));
    }

    @Test
    void tls13ExpandLabelRfc8448() {
        // RFC 8448 3 (simple 1-RTT handshake): server handshake traffic secret -> write key and IV.
        byte[] secret = HEX.parseHex("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38");
        assertEquals("3fce516009c21727d0f2e4e86ee403bc", HEX.formatHex(Kdf.expandLabel("HmacSHA256", secret, "key", new byte[0], 16)));
        assertEquals("5d313eb2671276ee13000b30", HEX.formatHex(Kdf.expandLabel("HmacSHA256", secret, "iv", new byte[0], 12)));
    }
}
