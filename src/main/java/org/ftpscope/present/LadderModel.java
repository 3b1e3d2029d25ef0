package org.ftpscope.present;

import org.ftpscope.ftp.model.CommandRecord;
import org.ftpscope.ftp.model.DataConnection;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.ReplyRecord;
import org.ftpscope.ftp.model.Transfer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The arrows of a session's ladder diagram, in frame order: each command and reply on the
 * control connection, and for each data connection the connect arrow (who connected to which
 * port) and the data arrow (which way the bytes went).
 */
public record LadderModel(String clientLabel, String serverLabel, List<Arrow> arrows) {

    public enum Kind { COMMAND, REPLY, DATA_CONNECT, DATA_FLOW }

    /** An arrow from the client side (or to it), at a frame, with its text. */
    public record Arrow(int frame, boolean fromClient, Kind kind, String label, boolean failed) {}

    /** The ladder as the app shows it: passwords masked. */
    public static LadderModel of(FtpSession s) { return of(s, Masking.MASKED); }

    public static LadderModel of(FtpSession s, Masking masking) {
        List<Arrow> a = new ArrayList<>();
        for (CommandRecord c : s.commands()) {
            if (c.command() != null) {
                String arg = masking.argument(c.command(), c.arg());
                a.add(new Arrow(c.frame(), true, Kind.COMMAND, c.command() + (arg.isEmpty() ? "" : " " + arg), false));
            }
            for (ReplyRecord r : c.replies()) {
                a.add(new Arrow(r.frame(), false, Kind.REPLY, (r.code() < 0 ? "???" : Integer.toString(r.code())) + " "
                        + r.text(), r.code() >= 400 || r.code() < 0));
            }
        }
        for (DataSetup d : s.setups()) {
            DataConnection c = d.data();
            if (c == null) continue;
            boolean clientConnects = d.mode().passive();
            String how = d.mode() + " " + d.advertised().port() + " = " + d.portMath();
            String state = c.state() == DataState.UNANSWERED ? " — no answer (" + c.synCount() + " SYNs)"
                    : c.state() == DataState.REFUSED ? " — refused (RST)" : "";
            a.add(new Arrow(c.synFrame() > 0 ? c.synFrame() : c.firstFrame(), clientConnects, Kind.DATA_CONNECT,
                    "SYN " + c.client() + " → " + c.server() + " (" + how + ")" + state,
                    c.state() == DataState.UNANSWERED || c.state() == DataState.REFUSED));
        }
        for (Transfer t : s.transfers()) {
            if (t.data() == null || t.data().stream() < 0 || t.data().state() != DataState.TRANSFERRED) continue;
            boolean fromClient = t.direction() == org.ftpscope.ftp.model.TransferDirection.UPLOAD;
            int frame = t.firstDataFrame() > 0 ? t.firstDataFrame() : t.data().firstFrame();
            a.add(new Arrow(frame, fromClient, Kind.DATA_FLOW,
                    t.command() + " data: " + t.bytes() + " bytes" + (t.complete() ? "" : " (incomplete)"), !t.complete()));
        }
        a.sort(Comparator.comparingInt(Arrow::frame));
        return new LadderModel("Client " + s.client(), "Server " + s.server(), a);
    }
}
