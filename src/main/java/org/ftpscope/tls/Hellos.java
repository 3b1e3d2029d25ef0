package org.ftpscope.tls;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** ClientHello, ServerHello and the extensions ftpscope reports (RFC 8446 4.1, 4.2; RFC 5246 7.4.1). */
public final class Hellos {
    private Hellos() {}

    static final int EXT_SERVER_NAME = 0, EXT_ALPN = 16, EXT_ENCRYPT_THEN_MAC = 22, EXT_EXTENDED_MASTER_SECRET = 23,
            EXT_SESSION_TICKET = 35, EXT_PRE_SHARED_KEY = 41, EXT_EARLY_DATA = 42, EXT_SUPPORTED_VERSIONS = 43;

    /** RFC 8446 4.1.3: a ServerHello with this random is a HelloRetryRequest. */
    static final byte[] HELLO_RETRY_RANDOM = sha256("HelloRetryRequest");

    /**
     * @param sessionTicket true when the client presented a non-empty TLS 1.2 session ticket
     * @param psk           true when the client offered a TLS 1.3 pre-shared key (resumption)
     */
    public record ClientHello(int legacyVersion, byte[] random, byte[] sessionId, List<Integer> cipherSuites,
                              String serverName, List<String> alpn, List<Integer> supportedVersions,
                              boolean sessionTicket, byte[] ticket, boolean psk, boolean earlyData,
                              List<Integer> extensions, int frame) {}

    public record ServerHello(int legacyVersion, byte[] random, byte[] sessionId, int cipherSuite,
                              int selectedVersion, String alpn, boolean psk, boolean encryptThenMac,
                              boolean extendedMasterSecret, boolean helloRetryRequest, List<Integer> extensions,
                              int frame) {
        /** The negotiated version: supported_versions when present (TLS 1.3), else the legacy field. */
        public int version() { return selectedVersion != 0 ? selectedVersion : legacyVersion; }
    }

    static ClientHello clientHello(byte[] body, int frame) throws Cursor.Malformed {
        Cursor c = new Cursor(body);
        int version = c.u16();
        byte[] random = c.bytes(32);
        byte[] sid = c.bytes(c.u8());
        Cursor cs = c.sub(c.u16());
        List<Integer> suites = new ArrayList<>();
        while (cs.remaining() >= 2) suites.add(cs.u16());
        c.sub(c.u8()); // compression methods
        String sni = null;
        List<String> alpn = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        List<Integer> exts = new ArrayList<>();
        boolean ticket = false, psk = false, early = false;
        byte[] ticketBytes = null;
        if (c.more()) {
            Cursor e = c.sub(c.u16());
            while (e.more()) {
                int type = e.u16();
                Cursor x = e.sub(e.u16());
                exts.add(type);
                switch (type) {
                    case EXT_SERVER_NAME -> {
                        Cursor list = x.sub(x.u16());
                        while (list.more()) {
                            int nameType = list.u8();
                            byte[] name = list.bytes(list.u16());
                            if (nameType == 0 && sni == null) sni = new String(name, StandardCharsets.UTF_8);
                        }
                    }
                    case EXT_ALPN -> alpn.addAll(protocols(x));
                    case EXT_SUPPORTED_VERSIONS -> {
                        Cursor list = x.sub(x.u8());
                        while (list.remaining() >= 2) versions.add(list.u16());
                    }
                    case EXT_SESSION_TICKET -> {
                        ticket = x.remaining() > 0;
                        if (ticket) ticketBytes = x.bytes(x.remaining());
                    }
                    case EXT_PRE_SHARED_KEY -> psk = true;
                    case EXT_EARLY_DATA -> early = true;
                    default -> { }
                }
            }
        }
        return new ClientHello(version, random, sid, List.copyOf(suites), sni, List.copyOf(alpn), List.copyOf(versions),
                ticket, ticketBytes, psk, early, List.copyOf(exts), frame);
    }

    static ServerHello serverHello(byte[] body, int frame) throws Cursor.Malformed {
        Cursor c = new Cursor(body);
        int version = c.u16();
        byte[] random = c.bytes(32);
        byte[] sid = c.bytes(c.u8());
        int suite = c.u16();
        c.u8(); // compression
        int selected = 0;
        String alpn = null;
        boolean psk = false, etm = false, ems = false;
        List<Integer> exts = new ArrayList<>();
        if (c.more()) {
            Cursor e = c.sub(c.u16());
            while (e.more()) {
                int type = e.u16();
                Cursor x = e.sub(e.u16());
                exts.add(type);
                switch (type) {
                    case EXT_SUPPORTED_VERSIONS -> selected = x.u16();
                    case EXT_ALPN -> {
                        List<String> p = protocols(x);
                        if (!p.isEmpty()) alpn = p.get(0);
                    }
                    case EXT_PRE_SHARED_KEY -> psk = true;
                    case EXT_ENCRYPT_THEN_MAC -> etm = true;
                    case EXT_EXTENDED_MASTER_SECRET -> ems = true;
                    default -> { }
                }
            }
        }
        return new ServerHello(version, random, sid, suite, selected, alpn, psk, etm, ems,
                Arrays.equals(random, HELLO_RETRY_RANDOM), List.copyOf(exts), frame);
    }

    /** A ServerHello body whose random is RFC 8446's HelloRetryRequest value (legacy_version, then the random). */
    static boolean isHelloRetryRequest(byte[] body) {
        return body.length >= 34 && Arrays.equals(Arrays.copyOfRange(body, 2, 34), HELLO_RETRY_RANDOM);
    }

    /** TLS 1.3 EncryptedExtensions: only the selected ALPN protocol is of interest; null when none. */
    static String encryptedExtensionsAlpn(byte[] body) throws Cursor.Malformed {
        Cursor c = new Cursor(body);
        Cursor e = c.sub(c.u16());
        while (e.more()) {
            int type = e.u16();
            Cursor x = e.sub(e.u16());
            if (type == EXT_ALPN) {
                List<String> p = protocols(x);
                return p.isEmpty() ? null : p.get(0);
            }
        }
        return null;
    }

    /** TLS 1.2 NewSessionTicket (RFC 5077 3.3): the ticket, for resumption later in the capture. */
    static byte[] newSessionTicket12(byte[] body) throws Cursor.Malformed {
        Cursor c = new Cursor(body);
        c.bytes(4); // lifetime hint
        return c.bytes(c.u16());
    }

    private static List<String> protocols(Cursor x) throws Cursor.Malformed {
        List<String> out = new ArrayList<>();
        Cursor list = x.sub(x.u16());
        while (list.more()) out.add(new String(list.bytes(list.u8()), StandardCharsets.UTF_8));
        return out;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
