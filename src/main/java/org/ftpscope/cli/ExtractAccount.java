package org.ftpscope.cli;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Shortfall;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.ftp.model.TransferDirection;
import org.ftpscope.report.ObjectExporter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code extract} did with every transfer of the analysis: written (complete or not), or not
 * written and why. Each transfer gets one line and the account ends with a total, so no transfer
 * is left out silently. Pure: the analysis and the outcomes in, lines out.
 */
final class ExtractAccount {
    /** Why a transfer has no file: one category for the total, the words for its own line. */
    enum Why {
        LISTING("directory listing", "directory listings (--listings writes them)"),
        REFUSED("refused by the server", "refused by the server"),
        NO_DATA_CONNECTION("data connection not in the capture", "with their data connection not in the capture"),
        NOT_ESTABLISHED("data connection never established", "whose data connection was never established"),
        ENCRYPTED("encrypted (PROT P), not decrypted", "encrypted (PROT P), not decrypted"),
        SNAPLEN("cut by the snaplen", "cut by the snaplen"),
        BYTES_MISSING("bytes missing from the capture", "with bytes missing from the capture"),
        ONE_DIRECTION("one direction not in the capture", "with one direction not in the capture"),
        NO_DATA("no data bytes", "without data bytes"),
        OUTPUT("could not be written", "that could not be written");

        /** For a transfer's own line, and for a count in the total. */
        final String label, counted;

        Why(String label, String counted) {
            this.label = label;
            this.counted = counted;
        }

        /** The words after a count of {@code n}. */
        String counted(int n) { return n == 1 && this == LISTING ? "directory listing (--listings writes it)" : counted; }
    }

    /** A transfer without a file. */
    record NotWritten(FtpSession session, Transfer transfer, Why why, String text) {}

    /** A file written for a transfer whose bytes are not all in it. */
    record Incomplete(FtpSession session, Transfer transfer, String file, long bytes, String text) {}

    private final Analysis analysis;
    private final boolean listings;
    private final Map<Transfer, ObjectExporter.Extracted> written = new IdentityHashMap<>();
    private final Map<Transfer, String> failed = new IdentityHashMap<>();

    ExtractAccount(Analysis analysis, boolean listings) {
        this.analysis = analysis;
        this.listings = listings;
    }

    void written(ObjectExporter.FtpObject o, ObjectExporter.Extracted x) { written.put(o.transfer(), x); }

    void failed(ObjectExporter.FtpObject o, String message) { failed.put(o.transfer(), message); }

    /** How a transfer is named in a line: session, command and path, the command's frame, its data connection. */
    static String name(FtpSession s, Transfer t) {
        String what = t.path().isEmpty() ? t.arg() : t.path();
        return "session " + s.id() + " " + t.command() + (what.isEmpty() ? "" : " " + what.replace('\t', ' ').replace('\n', ' '))
                + " (command frame " + t.commandFrame()
                + (t.data() != null && t.data().stream() >= 0 ? ", data tcp.stream " + t.data().stream() : "") + ")";
    }

    /** Every transfer not written, in session and transfer order. */
    List<NotWritten> notWritten() {
        List<NotWritten> out = new ArrayList<>();
        for (FtpSession s : analysis.sessions()) {
            for (Transfer t : s.transfers()) {
                if (written.containsKey(t)) continue;
                String f = failed.get(t);
                out.add(f != null ? new NotWritten(s, t, Why.OUTPUT, f) : why(s, t));
            }
        }
        return out;
    }

    /** Every written file whose transfer's bytes are not all in it, with what is missing. */
    List<Incomplete> incomplete() {
        List<Incomplete> out = new ArrayList<>();
        for (FtpSession s : analysis.sessions()) {
            for (Transfer t : s.transfers()) {
                ObjectExporter.Extracted x = written.get(t);
                if (x == null) continue;
                String file = x.file().toString();
                List<String> data = dataShortfalls(t);
                if (data.isEmpty()) continue;
                String size = t.expectedBytes() >= 0 ? " of the " + t.expectedBytes() + " announced" : "";
                // Decrypted: the plaintext up to where decryption stopped. Cleartext: the bytes the
                // capture holds at their offsets, the holes zeros (report.GapFill) while its limit lasts.
                boolean decrypted = analysis.hasDecryptedContent(t);
                String how = decrypted
                        ? (first(t, Shortfall.Cause.TLS_RECORDS_LOST) != null ? ", the plaintext up to where decryption stopped" : "")
                        : holes(x);
                String written = !decrypted && x.missingBytes() > 0 ? " bytes written from the capture" : " bytes written";
                out.add(new Incomplete(s, t, file, t.bytes(), t.bytes() + size + written + how + ": " + String.join("; ", data)));
            }
        }
        return out;
    }

    /** How a cleartext file's holes were written. */
    private static String holes(ObjectExporter.Extracted x) {
        if (x.missingBytes() == 0) return "";
        if (x.unfilledBytes() == 0) return ", the " + x.missingBytes() + " missing as zeros (every other byte at its offset)";
        return ", the " + x.missingBytes() + " missing: " + x.filledBytes() + " as zeros, " + x.unfilledBytes()
                + " left out (" + org.ftpscope.capture.Limit.GAP_FILL_BYTES.name() + " reached), so the bytes after those holes moved up";
    }

    /** When holes were left out because {@link org.ftpscope.capture.Limit#GAP_FILL_BYTES} was reached: what and where; else null. */
    String gapFillLimit() {
        long bytes = 0;
        int files = 0;
        for (ObjectExporter.Extracted x : written.values()) {
            if (x.unfilledBytes() == 0) continue;
            bytes += x.unfilledBytes();
            files++;
        }
        if (files == 0) return null;
        return org.ftpscope.capture.Limit.GAP_FILL_BYTES.label() + " reached: " + bytes + " bytes of holes in " + files
                + (files == 1 ? " file were" : " files were") + " left out, not filled with zeros, so the bytes after them"
                + " moved up (the files' lines above say which)";
    }

    private static final Set<Shortfall.Cause> DATA_CAUSES = java.util.EnumSet.of(Shortfall.Cause.CAPTURE_ENDED,
            Shortfall.Cause.END_NOT_CAPTURED, Shortfall.Cause.START_NOT_CAPTURED, Shortfall.Cause.SENDER_NOT_CAPTURED,
            Shortfall.Cause.LOST_IN_CAPTURE, Shortfall.Cause.LOST_UNACKNOWLEDGED, Shortfall.Cause.CONNECTION_RESET,
            Shortfall.Cause.CLOSED_EARLY, Shortfall.Cause.SNAPLEN, Shortfall.Cause.NOT_DECRYPTED, Shortfall.Cause.TLS_RECORDS_LOST);

    private static List<String> dataShortfalls(Transfer t) {
        return t.shortfalls().stream().filter(x -> DATA_CAUSES.contains(x.cause())).map(Shortfall::text).toList();
    }

    private static Shortfall first(Transfer t, Shortfall.Cause c) {
        return t.shortfalls().stream().filter(x -> x.cause() == c).findFirst().orElse(null);
    }

    /** Why a transfer that no object was made for has no file, from what the analysis found. */
    private NotWritten why(FtpSession s, Transfer t) {
        if (t.direction() == TransferDirection.LISTING && !listings && t.bytes() > 0) {
            return new NotWritten(s, t, Why.LISTING, t.bytes() + " bytes; --listings writes it");
        }
        DataState state = t.data() == null ? DataState.MISSING : t.data().state();
        boolean serverTried = t.preliminaryCode() >= 100 && t.preliminaryCode() < 200;
        String reply = t.replyCode() > 0 ? "the server replied " + t.replyCode() + (t.replyText() == null || t.replyText().isEmpty()
                ? "" : " " + t.replyText()) : "no final reply is in the capture";
        Shortfall oneDirection = first(t, Shortfall.Cause.ONE_DIRECTION);
        if (state == DataState.MISSING && oneDirection != null) {
            // Not "data connection not in the capture": which connection carried it is not known.
            return new NotWritten(s, t, Why.ONE_DIRECTION, oneDirection.text() + "; " + reply);
        }
        if (state == DataState.MISSING) {
            if (t.replyCode() >= 400 && !serverTried) {
                return new NotWritten(s, t, Why.REFUSED, reply + " and no data connection is in the capture: no data moved");
            }
            String setup = t.setup() == null ? "no data-channel setup for it is in the capture"
                    : "the data channel set up in frame " + t.setup().setupFrame() + " (" + t.setup().advertisedText()
                      + ") is not in the capture";
            return new NotWritten(s, t, Why.NO_DATA_CONNECTION, setup + "; " + reply
                    + (t.replyCode() >= 200 && t.replyCode() < 300 ? " (by the server's account the transfer took place)" : ""));
        }
        if (state == DataState.UNANSWERED) {
            return new NotWritten(s, t, Why.NOT_ESTABLISHED, "its SYN in frame " + t.data().synFrame() + " got no answer; " + reply);
        }
        if (state == DataState.REFUSED) {
            return new NotWritten(s, t, Why.NOT_ESTABLISHED, "refused with a reset in frame " + t.data().rstFrame() + "; " + reply);
        }
        if (state == DataState.RESET) {
            return new NotWritten(s, t, Why.NO_DATA, "the data connection was reset (frame " + t.data().rstFrame()
                    + ") before any data; " + reply);
        }
        Shortfall lostRecords = first(t, Shortfall.Cause.TLS_RECORDS_LOST);
        if (lostRecords != null) return new NotWritten(s, t, Why.BYTES_MISSING, lostRecords.text());
        Shortfall encrypted = first(t, Shortfall.Cause.NOT_DECRYPTED);
        if (encrypted != null) return new NotWritten(s, t, Why.ENCRYPTED, encrypted.text());
        Shortfall unseen = first(t, Shortfall.Cause.SENDER_NOT_CAPTURED);
        if (t.bytes() == 0 && unseen != null) return new NotWritten(s, t, Why.BYTES_MISSING, unseen.text());
        if (t.bytes() == 0 && t.gapBytes() > 0) {
            Shortfall x = first(t, t.truncated() ? Shortfall.Cause.SNAPLEN : Shortfall.Cause.LOST_IN_CAPTURE);
            if (x == null) x = first(t, Shortfall.Cause.LOST_UNACKNOWLEDGED);
            return new NotWritten(s, t, t.truncated() ? Why.SNAPLEN : Why.BYTES_MISSING, "none of its " + t.gapBytes()
                    + " bytes is in the capture" + (x != null ? ": " + x.text() : ""));
        }
        if (oneDirection != null && t.bytes() == 0) {
            // Not "no data bytes": the capture cannot show what the sender sent.
            return new NotWritten(s, t, Why.ONE_DIRECTION, oneDirection.text() + "; " + reply);
        }
        if (t.bytes() == 0) {
            List<String> data = dataShortfalls(t);
            String more = t.shortfalls().stream().filter(x -> !DATA_CAUSES.contains(x.cause())).map(Shortfall::text)
                    .reduce((a, b) -> a + "; " + b).orElse("");
            return new NotWritten(s, t, Why.NO_DATA, "its data connection carried no data bytes"
                    + (data.isEmpty() ? "" : ": " + String.join("; ", data))
                    + (more.isEmpty() ? (t.complete() ? " (an empty file: nothing to write)" : "") : "; " + more));
        }
        // Bytes moved but no content: only when the analysis kept none (cannot happen for extract's analyses).
        return new NotWritten(s, t, Why.NO_DATA, t.bytes() + " bytes counted, but their content is not in the analysis");
    }

    /**
     * What the snapshot length did to the transfers: the length frames were cut at, and how many
     * transfers it touched (their files hold only the bytes the cut frames kept; cut TLS records
     * cannot be decrypted at all). With no transfer known, says so rather than list nothing.
     */
    String snaplen(SnaplenCut c) {
        StringBuilder sb = new StringBuilder("the capture's frames were ").append(c.describe()).append(": ");
        int m = 0, affected = 0, writtenCut = 0;
        Map<Why, Integer> notWrittenCut = new EnumMap<>(Why.class);
        Map<Transfer, NotWritten> not = new IdentityHashMap<>();
        for (NotWritten w : notWritten()) not.put(w.transfer(), w);
        for (FtpSession s : analysis.sessions()) {
            for (Transfer t : s.transfers()) {
                m++;
                if (!t.truncated() && first(t, Shortfall.Cause.SNAPLEN) == null) continue;
                affected++;
                NotWritten w = not.get(t);
                if (w == null) writtenCut++;
                else notWrittenCut.merge(w.why(), 1, Integer::sum);
            }
        }
        int sessions = analysis.sessions().size();
        if (m == 0) {
            long tls = analysis.sessions().stream().filter(FtpSession::tls).count();
            return sb.append(sessions == 0 ? "no FTP session is in the capture, so no transfer either"
                    : "no transfer is known in the capture's " + sessions + " FTP session" + (sessions == 1 ? "" : "s")
                      + (tls == 0 ? "" : " (" + tls + " encrypted with AUTH TLS)")
                      + ": with their frames cut, their transfer commands may not be in the capture (ftpscope analyze names"
                      + " what is missing), so no file is written").toString();
        }
        if (affected == 0) return sb.append("no transfer's data frames were cut").toString();
        sb.append(affected).append(" of ").append(m).append(m == 1 ? " transfer" : " transfers").append(affected == 1 ? " is" : " are")
                .append(" affected");
        List<String> how = new ArrayList<>();
        if (writtenCut > 0) how.add(writtenCut + " written with only the bytes the cut frames kept, at their offsets, the rest zeros (missing_bytes counts them)");
        for (Map.Entry<Why, Integer> e : notWrittenCut.entrySet()) {
            // A failed write is no reason the cut gave: say it as what happened, not as "not written: could not be written".
            how.add(e.getKey() == Why.OUTPUT ? e.getValue() + (e.getValue() == 1 ? " whose file" : " whose files") + " could not be written"
                    : e.getValue() + " not written: " + e.getKey().counted(e.getValue())
                      + (e.getKey() == Why.ENCRYPTED || e.getKey() == Why.BYTES_MISSING ? " (TLS records cut short cannot be decrypted)" : ""));
        }
        return sb.append(": ").append(String.join("; ", how)).toString();
    }

    /** Transfers not written, and files written incomplete, each named on a line of their own; the rest are counted. */
    static final int MAX_LISTED = org.ftpscope.capture.Limit.EXTRACT_LISTED.intValue();

    /**
     * The line after the first {@link #MAX_LISTED} transfers not written: how many more, by reason
     * ({@code rest} are those not named, failed writes left out as they were said when they failed).
     */
    static String notWrittenNotListed(List<NotWritten> rest) {
        Map<Why, Integer> by = new EnumMap<>(Why.class);
        for (NotWritten w : rest) by.merge(w.why(), 1, Integer::sum);
        StringBuilder sb = new StringBuilder().append(rest.size()).append(" more ").append(rest.size() == 1 ? "transfer" : "transfers")
                .append(" not written, not named one by one (").append(org.ftpscope.capture.Limit.EXTRACT_LISTED.label()).append("): ");
        int i = 0;
        for (Map.Entry<Why, Integer> e : by.entrySet()) {
            sb.append(i++ == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().counted(e.getValue()));
        }
        return sb.toString();
    }

    /** The line after the first {@link #MAX_LISTED} files written incomplete. */
    static String incompleteNotListed(int rest) {
        return rest + " more " + (rest == 1 ? "file" : "files") + " written incomplete, not named one by one ("
                + org.ftpscope.capture.Limit.EXTRACT_LISTED.label() + "); the missing_bytes column counts what each lacks";
    }

    /** The closing total: {@code N of M transfers written (I incomplete); K not written: …}. */
    String total() {
        int m = 0;
        for (FtpSession s : analysis.sessions()) m += s.transfers().size();
        List<NotWritten> not = notWritten();
        int n = m - not.size();
        int inc = incomplete().size();
        StringBuilder sb = new StringBuilder();
        sb.append(n).append(" of ").append(m).append(m == 1 ? " transfer" : " transfers").append(" written");
        if (inc > 0) sb.append(" (").append(inc).append(" incomplete)");
        if (not.isEmpty()) return sb.toString();
        Map<Why, Integer> by = new EnumMap<>(Why.class);
        for (NotWritten w : not) by.merge(w.why(), 1, Integer::sum);
        sb.append("; ").append(not.size()).append(" not written: ");
        int i = 0;
        for (Map.Entry<Why, Integer> e : by.entrySet()) {
            sb.append(i++ == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().counted(e.getValue()));
        }
        return sb.toString();
    }
}
