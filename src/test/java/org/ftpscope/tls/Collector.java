package org.ftpscope.tls;

import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.TcpStream;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Test helper: keeps every stream direction's plaintext and the frames each record came from. */
final class Collector implements PlaintextListener {
    record Chunk(int stream, Direction d, int firstFrame, int lastFrame, int length) {}

    final Map<String, ByteArrayOutputStream> bytes = new HashMap<>();
    final List<Chunk> chunks = new ArrayList<>();
    final List<String> lost = new ArrayList<>();
    final Map<String, ByteArrayOutputStream> clear = new HashMap<>();

    @Override
    public void plaintext(TcpStream s, Direction d, int firstFrame, int lastFrame, byte[] data) {
        bytes.computeIfAbsent(s.index() + "/" + d, k -> new ByteArrayOutputStream()).writeBytes(data);
        chunks.add(new Chunk(s.index(), d, firstFrame, lastFrame, data.length));
    }

    @Override
    public void cleartext(TcpStream s, Direction d, int frame, byte[] data) {
        clear.computeIfAbsent(s.index() + "/" + d, k -> new ByteArrayOutputStream()).writeBytes(data);
    }

    String clearText(int stream, Direction d) {
        ByteArrayOutputStream b = clear.get(stream + "/" + d);
        return b == null ? "" : b.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public void lost(TcpStream s, Direction d, int frame, String reason) { lost.add(s.index() + "/" + d + "@" + frame + ": " + reason); }

    byte[] of(int stream, Direction d) {
        ByteArrayOutputStream b = bytes.get(stream + "/" + d);
        return b == null ? new byte[0] : b.toByteArray();
    }

    String text(int stream, Direction d) { return new String(of(stream, d), java.nio.charset.StandardCharsets.ISO_8859_1); }

    String sha256(int stream, Direction d) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(of(stream, d)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
