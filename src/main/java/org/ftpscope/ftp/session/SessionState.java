package org.ftpscope.ftp.session;

import org.ftpscope.decode.Endpoint;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.model.DataMode;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.TransferDirection;
import org.ftpscope.tcp.TcpStream;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the analyzer keeps for one control connection while the capture is read: the
 * setups waiting for a connection and a transfer command, the transfers, and the facts the
 * finding rules need. Turned into an immutable {@link FtpSession} at the end.
 */
final class SessionState {
    private static final Pattern BYTES_IN_150 = Pattern.compile("\\((\\d+) bytes?\\)");

    final int id;
    final TcpStream control;
    final List<SetupState> setups = new ArrayList<>();
    final List<TransferState> transfers = new ArrayList<>();
    final List<Finding> parseFindings = new ArrayList<>();
    final List<Integer> failedLoginFrames = new ArrayList<>();
    final List<String> failedUsers = new ArrayList<>();
    /** Sizes from SIZE's 213 replies, by resolved path. */
    final java.util.Map<String, Long> sizes = new java.util.HashMap<>();
    int passFrame;
    boolean passBeforeTls;
    /** The latest setup not yet taken by a transfer command. */
    SetupState pendingSetup;

    /** What this session may still keep (lines, setups, transfers); see {@link ControlBudget}. */
    final ControlBudget.Session budget;

    SessionState(int id, TcpStream control) { this(id, control, new ControlBudget().session()); }

    SessionState(int id, TcpStream control, ControlBudget.Session budget) {
        this.id = id;
        this.control = control;
        this.budget = budget;
    }

    /** Keeps a parse finding, up to {@link org.ftpscope.capture.Limit#FINDINGS_PER_SESSION}; counts the rest. */
    void addParseFinding(Finding f) {
        if (parseFindings.size() < ControlBudget.FINDINGS_PER_SESSION) parseFindings.add(f);
        else budget.drop(org.ftpscope.capture.Limit.FINDINGS_PER_SESSION, f.frame(), 1);
    }

    Endpoint client() { return control.client(); }

    Endpoint server() { return control.server(); }

    /** What a command's exchange led to: a data-channel setup, or a transfer. */
    sealed interface DataCommand permits SetupState, TransferState {}

    /** A setup as it stands while reading; frozen into a {@link DataSetup}. */
    static final class SetupState implements DataCommand {
        final int id;
        final DataMode mode;
        final int commandFrame;
        int setupFrame;
        Endpoint advertised;
        String portMath;
        String text;
        /** Non-null when the endpoint is inferred from the next connection (the setup line was cut). */
        String inferred;
        int replyCode = -1;
        int replyFrame;
        DataChannelMatch match;
        DataStreamState stream;
        /** Connections to this setup's port from a host other than the expected one (hijack attempts). */
        final List<DataStreamState> foreign = new ArrayList<>();
        TransferState transfer;

        SetupState(int id, DataMode mode, int commandFrame) {
            this.id = id;
            this.mode = mode;
            this.commandFrame = commandFrame;
        }
    }

    /** A transfer command as it stands while reading. */
    static final class TransferState implements DataCommand {
        final int index;
        final String verb;
        final String arg;
        final String path;
        final int commandFrame;
        final long commandNanos;
        final TransferDirection direction;
        /** Not final: a transfer whose setup command the capture lost gets its setup when its connection comes. */
        SetupState setup;
        final long restOffset;
        final String type;
        /** The capture cut the command line: the argument is a beginning only. */
        boolean commandCut;
        /**
         * The command is not in the capture (client bytes lost): a 125/150 to no command in the
         * capture shows it; which command it was is decided from its data connection at the end.
         */
        boolean commandLost;
        /** The frame after which the client's bytes holding the command were lost (its last captured data frame). */
        int lostAfterFrame;
        /** The preliminary reply's text (the 150's), for a lost command. */
        String preliminaryText;
        long expectedBytes = -1;
        int preliminaryCode = -1;
        int replyCode = -1;
        int replyFrame;
        String replyText;

        TransferState(int index, String verb, String arg, String path, int commandFrame, long commandNanos,
                      TransferDirection direction, SetupState setup, long restOffset, String type) {
            this.index = index;
            this.verb = verb;
            this.arg = arg;
            this.path = path;
            this.commandFrame = commandFrame;
            this.commandNanos = commandNanos;
            this.direction = direction;
            this.setup = setup;
            this.restOffset = restOffset;
            this.type = type;
        }

        void reply(int code, int frame, String text) {
            if (code >= 100 && code < 200) {
                preliminaryCode = code;
                preliminaryText = text;
                Matcher m = BYTES_IN_150.matcher(text);
                if (m.find() && expectedBytes < 0) {
                    try {
                        expectedBytes = Long.parseLong(m.group(1));
                    } catch (NumberFormatException ignored) {
                        // absurd number: no expectation
                    }
                }
            } else {
                replyCode = code;
                replyFrame = frame;
                replyText = text;
            }
        }
    }
}
