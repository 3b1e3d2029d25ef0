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
                     boolean undecryptedForMissingBytes, Start start, int finAckFrame, int senderFrames,
                     long ackedSpan, int ackedSpanFrame, String oneDirection) {
        /** No data connection: nothing of it is known; {@code oneDirection} says why when one side is absent, else null. */
        static DataFacts missing(String oneDirection) {
            return new DataFacts(DataState.MISSING, -1, 0, 0, 0, false, null, null, 0, 0, null, false, 0, 0, 0, 0, null, false,
                    Start.SYN, 0, 0, -1, 0, oneDirection);
        }
    }

    /**
     * Where the sender's data began, as the capture shows it.
     *
     * @param known      the first captured segment begins at the sender's ISN + 1
     * @param how        how that is known when the sender's SYN is not in the capture; null when it is, or not known
     * @param missing    when not known: the bytes before the first captured segment, -1 when not even that is known
     * @param firstFrame the frame of the sender's first captured data byte (or first segment), 0 when none
     */
    record Start(boolean known, String how, long missing, int firstFrame) {
        static final Start SYN = new Start(true, null, 0, 0);

        /** Not in the capture, but the announced size shows every byte is. */
        Start bySize() { return new Start(true, null, 0, firstFrame); }
    }

    /** The control side: the command, its replies, the announced size. */
    record CommandFacts(String name, int commandFrame, int preliminaryCode, int replyCode, String replyText,
                        long expectedBytes, int captureLastFrame, Endpoint client, Endpoint foreignConnector,
                        String verb, int replyFrame, int nextCommandFrame, long foreignBytes) {}

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
        // Nothing crossed the session's own connection, and a third host's connection to the port was accepted.
        boolean elsewhere = d.state() == DataState.ESTABLISHED && c.foreignConnector() != null;
        String conn = inCapture ? "data connection tcp.stream " + d.stream()
                : d.oneDirection() != null ? "data connection not known" : "data connection not in the capture";
        String how = inCapture ? notes(c, d) : "";
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
            } else if (elsewhere) {
                outcome = Outcome.UNKNOWN;
                evidence = "server reply " + code + ", but no data crossed the " + conn + " in the capture ("
                        + d.bytes() + (c.expectedBytes() >= 0 ? " of " + c.expectedBytes() : "") + " bytes; " + joined(data)
                        + "); a connection from " + c.foreignConnector().ip() + " to the same port was accepted"
                        + (c.foreignBytes() > 0 ? " and carried " + c.foreignBytes() + " bytes" : "")
                        + " (see data-connection-hijack)";
            } else {
                outcome = Outcome.OK;
                evidence = "server reply " + code + "; " + conn + how + (data.isEmpty() || !inCapture ? ""
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
            evidence = "no final reply in the capture; " + conn + how + (data.isEmpty() ? "" : "; " + joined(data));
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
        long expected = c.expectedBytes();
        String size = expected >= 0 ? "" : " (no size was announced)";
        if (d.oneDirection() != null) {
            // One side of the connection is not in the capture (a one-direction warning names them all).
            out.add(new Shortfall(Shortfall.Cause.ONE_DIRECTION, d.receiverAckFrame() > 0 ? d.receiverAckFrame() : d.synFrame(),
                    -1, d.oneDirection()));
            return out;
        }
        if (d.senderFrames() == 0) {
            // Only the peer's side is in the capture: its ACKs are all that shows what the sender sent.
            String acked = d.ackedSpan() > 0
                    ? "; the receiver's ACK in frame " + d.ackedSpanFrame() + " acknowledges " + d.ackedSpan()
                      + " sequence numbers after the sender's SYN (its data bytes, and its FIN if it closed), so they crossed"
                      + " the network and only the capture lost them"
                    : d.ackedSpan() == 0 ? "; the receiver acknowledged none of its bytes" : "; no ACK in the capture shows how much it sent";
            out.add(new Shortfall(Shortfall.Cause.SENDER_NOT_CAPTURED, d.ackedSpan() > 0 ? d.ackedSpanFrame() : 0, -1,
                    "none of the sender " + d.sender() + "'s segments is in the capture, only the receiver's" + acked + size));
            return out;
        }
        long seen = d.bytes() + d.gapBytes();
        // Captured bytes are bytes sent: as many as the announced size are all of them, wherever the start was.
        Start start = !d.start().known() && expected >= 0 && seen == expected ? d.start().bySize() : d.start();
        if (!start.known()) {
            String at = start.firstFrame() > 0 ? " frame " + start.firstFrame() : " the first captured segment";
            out.add(new Shortfall(Shortfall.Cause.START_NOT_CAPTURED, start.firstFrame(), start.missing(), start.missing() > 0
                    ? "the start of the data connection is not in the capture: " + start.how() + " that the sender "
                      + d.sender() + "'s data began " + start.missing() + " bytes before" + at
                      + ", so those bytes are missing and the SHA-256 is of the captured bytes only"
                    : "the start of the data connection is not in the capture: no SYN from the sender " + d.sender()
                      + ", nor anything else that shows where its data began, so bytes it sent before" + at + " may be missing"
                      + (seen > 0 ? ": at least " + seen + " bytes were sent, and the SHA-256 is of the captured bytes only" : "")));
        }
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
        // Only a known start lets the count of bytes prove they are all there.
        boolean sizeProvesAll = expected >= 0 && seen == expected && start.known();
        boolean closed = d.senderFinFrame() > 0 || d.finAckFrame() > 0;
        int finFrame = d.senderFinFrame() > 0 ? d.senderFinFrame() : d.finAckFrame();
        String fin = d.senderFinFrame() > 0 ? "FIN in frame " + finFrame
                : "its FIN is not in the capture; the peer acknowledged it in frame " + finFrame;
        if (!closed && !sizeProvesAll) {
            if (d.rstFrame() > 0) {
                String reset = d.sender().equals(d.rstFrom())
                        ? "the sender " + d.sender() + " reset it (frame " + d.rstFrame() + ") without a FIN"
                        : "a reset from " + d.rstFrom() + " in frame " + d.rstFrame() + " and no FIN from the sender " + d.sender();
                out.add(new Shortfall(Shortfall.Cause.CONNECTION_RESET, d.rstFrame(), -1,
                        "the data connection was cut short: " + reset + ", so the bytes are not known complete" + size));
            } else if (c.replyFrame() > 0) {
                // The server's final reply ended the command: the capture did not end before the transfer did.
                out.add(new Shortfall(Shortfall.Cause.END_NOT_CAPTURED, c.replyFrame(), -1,
                        "no FIN or RST from the sender " + d.sender() + " is in the capture, though the server's final reply ("
                                + c.replyCode() + ", frame " + c.replyFrame() + ") is"
                                + (c.captureLastFrame() > c.replyFrame() ? " and the capture goes on to frame " + c.captureLastFrame() : "")
                                + ": the data connection's end is not in the capture" + size));
            } else if (c.nextCommandFrame() > 0) {
                out.add(new Shortfall(Shortfall.Cause.END_NOT_CAPTURED, c.nextCommandFrame(), -1,
                        "no FIN or RST from the sender " + d.sender() + " is in the capture, though the session went on (the next"
                                + " command in frame " + c.nextCommandFrame() + "; the capture goes on to frame " + c.captureLastFrame()
                                + "): the data connection's end is not in the capture" + size));
            } else {
                out.add(new Shortfall(Shortfall.Cause.CAPTURE_ENDED, c.captureLastFrame(), -1,
                        "the capture ended (last frame " + c.captureLastFrame() + ") before the sender " + d.sender()
                                + " closed the data connection" + size));
            }
        } else if (closed && expected >= 0 && seen < expected && start.known()) {
            out.add(new Shortfall(Shortfall.Cause.CLOSED_EARLY, finFrame, expected - seen,
                    "the sender " + d.sender() + " closed the data connection (" + fin + ") after " + seen + " of " + expected + " bytes"));
        }
        if (expected >= 0 && seen > expected) {
            out.add(new Shortfall(Shortfall.Cause.SIZE_MISMATCH, 0, seen - expected,
                    seen + " bytes crossed the data connection, more than the " + expected + " announced"));
        }
        return out;
    }

    /**
     * How the capture shows what its lost frames do not: where the sender's data began without its
     * SYN, that it closed without its FIN. Empty when the frames themselves show it, or it is not known.
     */
    private static String notes(CommandFacts c, DataFacts d) {
        StringBuilder sb = new StringBuilder();
        if (d.senderFrames() == 0) return "";
        if (d.start().known() && d.start().how() != null) {
            sb.append("; the start of the data connection is not in the capture: ").append(d.start().how())
                    .append(" that the sender ").append(d.sender()).append("'s data began with the first captured segment");
        } else if (!d.start().known() && c.expectedBytes() >= 0 && d.bytes() + d.gapBytes() == c.expectedBytes()) {
            sb.append("; the start of the data connection is not in the capture, but its bytes from the first captured")
                    .append(" segment on are the ").append(c.expectedBytes()).append(" announced");
        }
        if (d.senderFinFrame() == 0 && d.finAckFrame() > 0) {
            sb.append("; the sender ").append(d.sender()).append(" closed the data connection: its FIN is not in the capture;")
                    .append(" the peer acknowledged it in frame ").append(d.finAckFrame());
        }
        return sb.toString();
    }

    private static String joined(List<Shortfall> l) {
        StringBuilder sb = new StringBuilder();
        for (Shortfall s : l) sb.append(sb.length() == 0 ? "" : "; ").append(s.text());
        return sb.toString();
    }
}
