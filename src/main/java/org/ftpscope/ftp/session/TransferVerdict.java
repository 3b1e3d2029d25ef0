package org.ftpscope.ftp.session;

import org.ftpscope.decode.Endpoint;
import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.Outcome;
import org.ftpscope.ftp.model.Shortfall;
import org.ftpscope.ftp.parse.ReplyExpectations;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides a transfer's completeness and outcome from the facts of the capture, and says why in
 * words: the server's final reply is the evidence for the outcome (also when the data
 * connection is not in the capture), the data connection's own end (FIN, RST, the capture's end,
 * holes and the ACKs over them) is the evidence for completeness. Pure: facts in, verdict out.
 */
final class TransferVerdict {
    private TransferVerdict() {}

    /**
     * What the capture shows of the transfer's data connection, in the transfer's direction.
     * {@code oneDirection}: null, or why the capture cannot show the bytes because it holds one
     * direction only (the sender's segments, or the control connection's replies, are not in it).
     */
    record DataFacts(DataState state, int stream, long bytes, long gapBytes, int firstGapFrame, boolean truncated,
                     Endpoint sender, Endpoint receiver, int senderFinFrame, int rstFrame, Endpoint rstFrom,
                     boolean receiverAckedAll, int receiverAckFrame, int synFrame,
                     long undecryptedBytes, int undecryptedFrame, String undecryptedWhy,
                     boolean undecryptedForMissingBytes, String oneDirection) {}

    /** The control side: the command, its replies, the announced size. */
    record CommandFacts(String name, int commandFrame, int preliminaryCode, int replyCode, String replyText,
                        long expectedBytes, int captureLastFrame, Endpoint client, Endpoint foreignConnector,
                        String verb) {}

    record Verdict(boolean complete, Outcome outcome, String evidence, List<Shortfall> shortfalls) {
        Verdict { shortfalls = List.copyOf(shortfalls); }
    }

    static Verdict of(CommandFacts c, DataFacts d) {
        List<Shortfall> data = dataShortfalls(c, d);
        List<Shortfall> all = new ArrayList<>(data);
        int code = c.replyCode();
        if (code >= 300) {
            all.add(new Shortfall(Shortfall.Cause.SERVER_REPORTED_FAILURE, 0, -1,
                    "the server replied " + code + (c.replyText() == null || c.replyText().isEmpty() ? "" : " " + c.replyText())));
        } else if (code < 0) {
            all.add(new Shortfall(Shortfall.Cause.NO_FINAL_REPLY, 0, -1, "no final reply to " + c.name() + " is in the capture"));
        }
        // A 2xx the command cannot get (225 to RETR) does not say the transfer succeeded.
        boolean unexpected = code >= 200 && code < 300
                && ReplyExpectations.fit(c.verb(), c.preliminaryCode() > 0, code) == ReplyExpectations.Fit.NO;
        if (unexpected) {
            all.add(new Shortfall(Shortfall.Cause.UNEXPECTED_REPLY, 0, -1, "the server replied " + code
                    + ", which is not a reply " + c.verb() + " can get (RFC 959 §5.4)"));
        }
        boolean inCapture = d.state() != DataState.MISSING;
        boolean neverOpened = d.state() == DataState.UNANSWERED || d.state() == DataState.REFUSED;
        String conn = inCapture ? "data connection tcp.stream " + d.stream()
                : d.oneDirection() != null ? "data connection not known" : "data connection not in the capture";
        Outcome outcome;
        String evidence;
        if (unexpected) {
            outcome = Outcome.UNKNOWN;
            evidence = "server reply " + code + ", which is not a reply " + c.verb() + " can get (RFC 959 §5.4); " + conn;
        } else if (code >= 200 && code < 300) {
            if (!inCapture && c.foreignConnector() != null) {
                outcome = Outcome.UNKNOWN;
                evidence = "server reply " + code + ", but the only data connection in the capture came from "
                        + c.foreignConnector().ip() + ", not from " + c.client().ip()
                        + ": whether the session's own host took part is not known";
            } else if (neverOpened || d.state() == DataState.RESET) {
                outcome = Outcome.UNKNOWN;
                evidence = "server reply " + code + ", but the " + conn + " " + data.get(0).text()
                        + (c.foreignConnector() == null ? "" : "; a connection from " + c.foreignConnector().ip()
                           + " to the same port was accepted (see data-connection-hijack)");
            } else {
                outcome = Outcome.OK;
                evidence = "server reply " + code + "; " + conn + (data.isEmpty() || !inCapture ? ""
                        : "; the server claimed success, but " + joined(data));
            }
        } else if (code >= 0) {
            outcome = Outcome.FAILED;
            evidence = "server reply " + code;
        } else if (neverOpened) {
            outcome = Outcome.FAILED;
            evidence = "no final reply in the capture; the " + conn + " " + data.get(0).text();
        } else {
            outcome = Outcome.UNKNOWN;
            evidence = "no final reply in the capture; " + conn + (data.isEmpty() ? "" : "; " + joined(data));
        }
        return new Verdict(all.isEmpty(), outcome, evidence, all);
    }

    private static List<Shortfall> dataShortfalls(CommandFacts c, DataFacts d) {
        List<Shortfall> out = new ArrayList<>();
        boolean serverTried = c.preliminaryCode() >= 100 && c.preliminaryCode() < 200;
        switch (d.state()) {
            case MISSING -> {
                if (d.oneDirection() != null) {
                    out.add(new Shortfall(Shortfall.Cause.ONE_DIRECTION, c.commandFrame(), -1, d.oneDirection()));
                    return out;
                }
                // A command refused outright (500 MLSD, 550 no such file) needed no data connection.
                if (serverTried || c.replyCode() < 300) {
                    out.add(new Shortfall(Shortfall.Cause.NOT_IN_CAPTURE, c.commandFrame(), -1,
                            c.foreignConnector() == null ? "the data connection is not in the capture"
                                    : "no data connection from " + c.client().ip() + " is in the capture, only one from "
                                      + c.foreignConnector().ip()));
                }
                return out;
            }
            case UNANSWERED -> {
                out.add(new Shortfall(Shortfall.Cause.NOT_ESTABLISHED, d.synFrame(), -1,
                        "was never established (its SYN in frame " + d.synFrame() + " got no answer)"));
                return out;
            }
            case REFUSED -> {
                out.add(new Shortfall(Shortfall.Cause.NOT_ESTABLISHED, d.rstFrame(), -1,
                        "was never established (refused with a reset in frame " + d.rstFrame() + ")"));
                return out;
            }
            case RESET -> {
                out.add(new Shortfall(Shortfall.Cause.CONNECTION_RESET, d.rstFrame(), 0,
                        "was reset (frame " + d.rstFrame() + ") before any data"));
                return out;
            }
            default -> { }
        }
        if (d.oneDirection() != null) {
            out.add(new Shortfall(Shortfall.Cause.ONE_DIRECTION, d.receiverAckFrame() > 0 ? d.receiverAckFrame() : d.synFrame(),
                    -1, d.oneDirection()));
            return out;
        }
        long seen = d.bytes() + d.gapBytes();
        long expected = c.expectedBytes();
        if (d.truncated()) {
            out.add(new Shortfall(Shortfall.Cause.SNAPLEN, d.firstGapFrame(), d.gapBytes(),
                    "the capture's snapshot length cut the data frames: " + d.gapBytes() + " bytes are not in the capture"));
        } else if (d.gapBytes() > 0) {
            out.add(new Shortfall(d.receiverAckedAll() ? Shortfall.Cause.LOST_IN_CAPTURE : Shortfall.Cause.LOST_UNACKNOWLEDGED,
                    d.firstGapFrame(), d.gapBytes(),
                    d.gapBytes() + " bytes are missing from the capture (the first hole noticed at frame " + d.firstGapFrame() + ")"
                            + (d.receiverAckedAll()
                            ? "; the receiver's ACK in frame " + d.receiverAckFrame()
                              + " covers them, so they crossed the network and only the capture lost them"
                            : "; no ACK in the capture shows that the receiver got them")));
        }
        if (d.undecryptedBytes() > 0) {
            // The byte count is of TLS records (ciphertext), so it is compared with nothing.
            // Bytes missing before them stopped decryption, not the key log: a cause of its own.
            boolean hole = d.undecryptedForMissingBytes();
            out.add(new Shortfall(hole ? Shortfall.Cause.TLS_RECORDS_LOST : Shortfall.Cause.NOT_DECRYPTED,
                    d.undecryptedFrame(), d.undecryptedBytes(),
                    d.undecryptedBytes() + " bytes of TLS records (from frame " + d.undecryptedFrame()
                            + ") were not decrypted: " + d.undecryptedWhy() + "; the file's bytes "
                            + (hole ? "from the hole on " : "") + "are not known"));
            return out;
        }
        boolean sizeProvesAll = expected >= 0 && seen == expected;
        if (d.senderFinFrame() == 0 && !sizeProvesAll) {
            String size = expected >= 0 ? "" : " (no size was announced)";
            if (d.rstFrame() > 0) {
                String reset = d.sender().equals(d.rstFrom())
                        ? "the sender " + d.sender() + " reset it (frame " + d.rstFrame() + ") without a FIN"
                        : "a reset from " + d.rstFrom() + " in frame " + d.rstFrame() + " and no FIN from the sender " + d.sender();
                out.add(new Shortfall(Shortfall.Cause.CONNECTION_RESET, d.rstFrame(), -1,
                        "the data connection was cut short: " + reset + ", so the bytes are not known complete" + size));
            } else {
                out.add(new Shortfall(Shortfall.Cause.CAPTURE_ENDED, c.captureLastFrame(), -1,
                        "the capture ended (last frame " + c.captureLastFrame() + ") before the sender " + d.sender()
                                + " closed the data connection" + size));
            }
        } else if (d.senderFinFrame() > 0 && expected >= 0 && seen < expected) {
            out.add(new Shortfall(Shortfall.Cause.CLOSED_EARLY, d.senderFinFrame(), expected - seen,
                    "the sender " + d.sender() + " closed the data connection (FIN in frame " + d.senderFinFrame()
                            + ") after " + seen + " of " + expected + " bytes"));
        }
        if (expected >= 0 && seen > expected) {
            out.add(new Shortfall(Shortfall.Cause.SIZE_MISMATCH, 0, seen - expected,
                    seen + " bytes crossed the data connection, more than the " + expected + " announced"));
        }
        return out;
    }

    private static String joined(List<Shortfall> l) {
        StringBuilder sb = new StringBuilder();
        for (Shortfall s : l) sb.append(sb.length() == 0 ? "" : "; ").append(s.text());
        return sb.toString();
    }
}
