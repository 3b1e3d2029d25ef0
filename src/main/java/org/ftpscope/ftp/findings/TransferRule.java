package org.ftpscope.ftp.findings;

import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Severity;
import org.ftpscope.ftp.model.Shortfall;
import org.ftpscope.ftp.model.Transfer;

import java.util.List;

/**
 * A transfer's fate: its data connection not in the capture ({@code data-connection-missing}), the
 * server's refusal ({@code transfer-failed}), bytes only encrypted ({@code tls-data-not-decrypted}), TLS data
 * whose decryption a hole in the capture ended ({@code tls-data-bytes-missing}),
 * missing or short ({@code transfer-incomplete}), or cut by the snaplen ({@code capture-truncated}).
 */
public final class TransferRule implements SessionRule {
    @Override
    public void find(SessionFacts facts, CaptureFacts capture, List<Finding> out) {
        FtpSession s = facts.session();
        // With no data connection in the capture at all, DataConnectionsNotCapturedRule says so once.
        boolean eachMissing = !capture.noDataConnectionCaptured();
        for (Transfer t : s.transfers()) find(s, t, eachMissing, out);
    }

    /** Whether the transfer used a setup whose connection is not in the capture, and the server tried or did not answer. */
    static boolean connectionMissing(Transfer t) {
        boolean serverTried = t.preliminaryCode() >= 100 && t.preliminaryCode() < 200;
        return t.setup() != null && t.data().state() == DataState.MISSING
                && (serverTried || t.replyCode() == 425 || t.replyCode() == -1);
    }

    private static void find(FtpSession s, Transfer t, boolean eachMissing, List<Finding> out) {
        String name = t.command() + (t.arg().isEmpty() ? "" : " " + t.arg());
        if (eachMissing && connectionMissing(t)) {
            boolean confirmed = t.replyCode() >= 200 && t.replyCode() < 300;
            out.add(new Finding(FindingKind.DATA_CONNECTION_MISSING,
                    confirmed ? Severity.INFO : FindingKind.DATA_CONNECTION_MISSING.severity(), s.id(), t.commandFrame(),
                    name + " (frame " + t.commandFrame() + ") used the data channel set up in frame "
                            + t.setup().setupFrame() + " (" + t.setup().advertisedText() + "), but no such connection is in "
                            + "the capture" + (t.replyCode() > 0 ? "; the server replied " + t.replyCode()
                            + " " + t.replyText() : "")
                            + (confirmed ? ": by the server's account the transfer took place, and the capture did not see "
                            + "its data connection (filtered out, or on another path)." : "."), List.of()));
        }
        if (t.replyCode() >= 400) {
            out.add(new Finding(FindingKind.TRANSFER_FAILED, s.id(), t.replyFrame(),
                    name + " failed: " + t.replyCode() + " " + t.replyText()));
        }
        Shortfall lostRecords = t.shortfalls().stream().filter(x -> x.cause() == Shortfall.Cause.TLS_RECORDS_LOST).findFirst().orElse(null);
        if (lostRecords != null) {
            // The key log opened the records; the capture's hole ended decryption: name the hole, not the keys.
            StringBuilder m = new StringBuilder(name).append(": ").append(t.bytes())
                    .append(t.expectedBytes() >= 0 ? " of " + t.expectedBytes() : "").append(" bytes decrypted");
            for (Shortfall x : t.shortfalls()) {
                if (x.cause() == Shortfall.Cause.LOST_IN_CAPTURE || x.cause() == Shortfall.Cause.LOST_UNACKNOWLEDGED
                        || x.cause() == Shortfall.Cause.SNAPLEN) m.append("; ").append(x.text());
            }
            m.append("; ").append(lostRecords.text()).append('.');
            boolean captureOnly = t.shortfalls().stream().noneMatch(x -> x.cause() == Shortfall.Cause.LOST_UNACKNOWLEDGED);
            out.add(new Finding(FindingKind.TLS_DATA_BYTES_MISSING,
                    captureOnly ? Severity.INFO : Severity.WARNING, s.id(), lostRecords.frame(), m.toString(),
                    t.shortfalls().stream().map(Shortfall::frame).filter(f -> f > 0 && f != lostRecords.frame()).distinct().toList()));
            return;
        }
        Shortfall encrypted = t.shortfalls().stream().filter(x -> x.cause() == Shortfall.Cause.NOT_DECRYPTED).findFirst().orElse(null);
        if (encrypted != null) {
            // The bytes crossed, encrypted: the size checks below would count ciphertext as the file.
            out.add(new Finding(FindingKind.TLS_DATA_NOT_DECRYPTED, s.id(), encrypted.frame(), name + ": " + encrypted.text() + "."));
            return;
        }
        boolean moved = t.data().state() == DataState.TRANSFERRED || t.data().state() == DataState.ESTABLISHED;
        List<Shortfall> why = t.shortfalls().stream().filter(x -> INCOMPLETE_CAUSES.contains(x.cause())).toList();
        boolean aborted = t.replyCode() == 426 || t.replyCode() == 451;
        if (moved && !t.truncated() && (!why.isEmpty() || aborted)) {
            StringBuilder m = new StringBuilder(name).append(": ").append(t.bytes());
            m.append(t.expectedBytes() >= 0 ? " of " + t.expectedBytes() + " bytes are" : t.bytes() == 1 ? " byte is" : " bytes are")
                    .append(" in the capture");
            for (int i = 0; i < why.size(); i++) m.append(i == 0 ? ": " : "; ").append(why.get(i).text());
            if (aborted) m.append(why.isEmpty() ? ": " : "; ").append("the server replied ").append(t.replyCode());
            else if (t.replyCode() >= 200 && t.replyCode() < 300) {
                m.append("; the server claimed success (").append(t.replyCode()).append(")");
            }
            // Bytes the capture lost that the receiver acknowledged, or a capture that simply ended, are
            // facts about the capture, not a failed transfer.
            // So is a start or an end the capture lacks, unless the bytes fall short of an announced size.
            boolean captureOnly = !aborted && why.stream().allMatch(x -> x.cause() == Shortfall.Cause.CAPTURE_ENDED
                    || x.cause() == Shortfall.Cause.LOST_IN_CAPTURE || x.cause() == Shortfall.Cause.START_NOT_CAPTURED
                    || x.cause() == Shortfall.Cause.SENDER_NOT_CAPTURED
                    || x.cause() == Shortfall.Cause.END_NOT_CAPTURED && t.expectedBytes() < 0);
            out.add(new Finding(FindingKind.TRANSFER_INCOMPLETE,
                    captureOnly ? Severity.INFO : FindingKind.TRANSFER_INCOMPLETE.severity(), s.id(),
                    t.replyFrame() > 0 ? t.replyFrame() : t.commandFrame(), m.append('.').toString(),
                    why.stream().map(Shortfall::frame).filter(f -> f > 0).toList()));
        }
        if (t.truncated()) {
            out.add(new Finding(FindingKind.CAPTURE_TRUNCATED, s.id(), t.data().firstFrame(),
                    name + ": the capture's snapshot length cut the data frames; " + t.gapBytes()
                            + " of the transfer's bytes are not in the capture, so its content and SHA-256 are incomplete."));
        }
    }

    /** Data-side causes that make a transfer that moved bytes incomplete. */
    private static final java.util.Set<Shortfall.Cause> INCOMPLETE_CAUSES = java.util.EnumSet.of(
            Shortfall.Cause.LOST_IN_CAPTURE, Shortfall.Cause.LOST_UNACKNOWLEDGED, Shortfall.Cause.CAPTURE_ENDED, Shortfall.Cause.CONNECTION_RESET,
            Shortfall.Cause.CLOSED_EARLY, Shortfall.Cause.SIZE_MISMATCH, Shortfall.Cause.END_NOT_CAPTURED,
            Shortfall.Cause.START_NOT_CAPTURED, Shortfall.Cause.SENDER_NOT_CAPTURED);
}
