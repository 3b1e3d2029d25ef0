package org.ftpscope.tls;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One certificate of a Certificate message, as the JDK's X.509 parser reads it.
 *
 * @param keyType {@code RSA}, {@code EC}, {@code Ed25519} …
 * @param keyBits modulus or field size in bits, 0 when unknown
 */
public record CertificateInfo(String subject, String issuer, Instant notBefore, Instant notAfter, String keyType,
                              int keyBits, String serialHex, String sha256, int derLength) {

    /** True when subject equals issuer (a self-signed certificate, as vsftpd's test setups use). */
    public boolean selfIssued() { return subject.equals(issuer); }

    static final int MAX_PARSED = org.ftpscope.capture.Limit.TLS_CERTIFICATES.intValue();

    /** Parses one DER certificate; null when the JDK cannot read it. */
    static CertificateInfo parse(byte[] der) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            X509Certificate c = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
            PublicKey k = c.getPublicKey();
            int bits = 0;
            if (k instanceof RSAPublicKey r) bits = r.getModulus().bitLength();
            else if (k instanceof ECPublicKey e) bits = e.getParams().getCurve().getField().getFieldSize();
            else if (k instanceof DSAPublicKey d) bits = d.getParams().getP().bitLength();
            else if ("Ed25519".equals(k.getAlgorithm()) || "EdDSA".equals(k.getAlgorithm())) bits = 255;
            String fp = Hex.of(MessageDigest.getInstance("SHA-256").digest(der));
            return new CertificateInfo(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                    c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), k.getAlgorithm(), bits,
                    c.getSerialNumber().toString(16), fp, der.length);
        } catch (CertificateException | RuntimeException | java.security.NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** The certificates of a Certificate message: TLS 1.2 (RFC 5246 7.4.2) or TLS 1.3 (RFC 8446 4.4.2) layout. */
    static Chain chain(byte[] body, boolean tls13) throws Cursor.Malformed {
        Cursor c = new Cursor(body);
        if (tls13) c.bytes(c.u8()); // certificate_request_context
        Cursor list = c.sub(c.u24());
        List<CertificateInfo> certs = new ArrayList<>();
        int total = 0, unreadable = 0;
        while (list.more()) {
            byte[] der = list.bytes(list.u24());
            if (tls13) list.bytes(list.u16()); // per-certificate extensions
            total++;
            if (certs.size() >= MAX_PARSED) continue;
            CertificateInfo info = parse(der);
            if (info == null) unreadable++;
            else certs.add(info);
        }
        return new Chain(List.copyOf(certs), total, unreadable);
    }

    /** A parsed chain: {@code total} certificates were sent; {@code unreadable} of them the JDK could not parse. */
    record Chain(List<CertificateInfo> certificates, int total, int unreadable) {}
}
