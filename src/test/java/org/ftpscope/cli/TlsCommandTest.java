package org.ftpscope.cli;

import org.ftpscope.TestCaptures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ftpscope tls} and {@code --tls-keylog} end to end on the FTPS recordings. */
class TlsCommandTest {
    static CliTest.Run run(String... args) { return CliTest.run(args); }

    static String col(String line, String name) {
        List<String> h = List.of(TlsCommand.HEADER.split("\t"));
        return line.split("\t", -1)[h.indexOf(name)];
    }

    @Test
    void listsEveryTlsConnectionWithoutKeys() {
        CliTest.Run r = run("tls", TestCaptures.sample("ftps-tls12-gcm.pcap").toString());
        assertEquals(0, r.code(), r.err());
        List<String> l = r.lines();
        assertEquals(TlsCommand.HEADER, l.get(0));
        assertEquals(8, l.size(), "header + 7 connections");
        String ctl = l.get(1);
        assertEquals("0", col(ctl, "stream"));
        assertEquals("198.51.100.21:21", col(ctl, "server"));
        assertEquals("TLS 1.2", col(ctl, "version"));
        assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", col(ctl, "cipher_suite"));
        assertEquals("ftps.example.net", col(ctl, "sni"));
        assertEquals("clear (2 sent)", col(ctl, "certificate"));
        assertEquals("CN=ftps.example.net,O=ftpscope test", col(ctl, "cert_subject"));
        assertEquals("CN=ftpscope test CA,O=ftpscope test", col(ctl, "cert_issuer"));
        assertEquals("RSA 2048", col(ctl, "cert_key"));
        assertEquals("no_key_log: no key log given (--tls-keylog)", col(ctl, "server_decryption"));
        String data = l.get(2);
        assertEquals("resumed (session id)", col(data, "resumption"));
        assertEquals("server encrypted alert (level and description need the key) @49, client encrypted alert (level and description need the key) @51",
                col(data, "alerts"));
        assertEquals("server encrypted alert @49", col(data, "closed_by"));
        assertEquals("", r.err());
    }

    @Test
    void withTheKeyLogEveryConnectionDecrypts() {
        String keys = TestCaptures.sample("ftps-tls12-gcm.keys").toString();
        CliTest.Run r = run("tls", "--tls-keylog", keys, TestCaptures.sample("ftps-tls12-gcm.pcap").toString());
        assertEquals(0, r.code(), r.err());
        List<String> l = r.lines();
        for (String line : l.subList(1, l.size())) {
            assertEquals("decrypted", col(line, "client_decryption"), line);
            assertEquals("decrypted", col(line, "server_decryption"), line);
        }
        assertEquals("48000", col(l.get(3), "server_app_bytes"), "RETR notes-48k.txt");
        assertEquals("server close_notify @49", col(l.get(2), "closed_by"));
        assertTrue(r.err().startsWith("ftpscope: key log " + keys + ": 7 line(s), 7 CLIENT_RANDOM (TLS 1.2), 0 CLIENT_TRAFFIC_SECRET_0 (TLS 1.3)"), r.err());
        // the option may come anywhere, also as --tls-keylog=FILE
        CliTest.Run eq = run("tls", TestCaptures.sample("ftps-tls12-gcm.pcap").toString(), "--tls-keylog=" + keys);
        assertEquals(r.out(), eq.out());
    }

    @Test
    void activeDataConnectionsNameTlsRolesNotTcpRoles() {
        CliTest.Run r = run("tls", TestCaptures.sample("ftps-implicit.pcap").toString(),
                "--tls-keylog", TestCaptures.sample("ftps-implicit.keys").toString());
        String active = r.lines().get(5);
        assertEquals("198.51.100.21:989", col(active, "client"), "TCP client: vsftpd connects from port 989");
        assertEquals("server warning close_notify @157, client warning close_notify @158", col(active, "alerts"));
        assertEquals("512", col(active, "server_app_bytes"));
        assertEquals("TLS 1.3", col(r.lines().get(4), "version"));
        assertEquals("decrypted (2 sent)", col(r.lines().get(4), "certificate"));
    }

    @Test
    void keyLogProblemsAreUsageOrReadErrors(@TempDir Path dir) throws Exception {
        String cap = TestCaptures.sample("ftps-tls13.pcap").toString();
        assertEquals(Cli.EXIT_USAGE, run("tls", cap, "--tls-keylog").code());
        assertEquals(Cli.EXIT_USAGE, run("tls", cap, "--tls-keylog", dir.resolve("absent.keys").toString()).code());
        Path k = dir.resolve("k.keys");
        Files.writeString(k, "CLIENT_RANDOM zz\n");
        assertEquals(Cli.EXIT_USAGE, run("tls", cap, "--tls-keylog", k.toString(), "--tls-keylog", k.toString()).code());
        CliTest.Run r = run("tls", cap, "--tls-keylog", k.toString());
        assertEquals(0, r.code());
        assertTrue(r.err().contains("1 malformed line(s) ignored"), r.err());
        assertTrue(col(r.lines().get(1), "server_decryption").startsWith("key_missing: the key log has no CLIENT_HANDSHAKE_TRAFFIC_SECRET for client random "),
                r.lines().get(1));
    }

    @Test
    void captureTextIsEscapedForTheTerminal() {
        assertEquals("a\\u001b[31mb\\u0009c\\u202ed\\u005c", TlsCommand.text("a\u001b[31mb\tc\u202ed\\"));
        assertEquals("-", TlsCommand.text(null));
    }

    @Test
    void everyAnalysingCommandDecryptsWithTheKeyLog(@TempDir Path dir) throws Exception {
        String cap = TestCaptures.sample("ftps-tls12-gcm.pcap").toString(), keys = TestCaptures.sample("ftps-tls12-gcm.keys").toString();
        CliTest.Run plain = run("analyze", cap), dec = run("analyze", cap, "--tls-keylog", keys);
        assertEquals(0, dec.code(), dec.err());
        assertTrue(dec.out().contains("\"9212e46ee8ac927bd5db5dbeee203ac8fc150f9af2ee5fb26557cd9ae01223cf\""), "RETR notes-48k.txt's SHA-256");
        assertFalse(plain.out().contains("9212e46ee8ac927bd5db5dbeee203ac8fc150f9af2ee5fb26557cd9ae01223cf"));
        // Commands that show TCP bytes say that the key log does not change them.
        CliTest.Run streams = run("streams", cap, "--tls-keylog", keys);
        assertEquals(0, streams.code());
        assertTrue(streams.err().contains("ftpscope streams: --tls-keylog is not used by this command"), streams.err());
        // extract writes the PROT P files decrypted and says how their missing bytes are counted
        CliTest.Run x = run("extract", cap, dir.resolve("out").toString(), "--tls-keylog", keys);
        assertEquals(0, x.code(), x.err());
        assertTrue(x.err().contains("ftpscope extract: 3 TLS-protected (PROT P) transfer(s) written decrypted with the key log"), x.err());
    }
}
