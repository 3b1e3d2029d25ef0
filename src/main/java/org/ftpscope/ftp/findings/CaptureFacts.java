package org.ftpscope.ftp.findings;

import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.OrphanDataConnection;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.ftp.parse.IcmpUnreachable;
import org.ftpscope.tcp.TcpStream;

import java.util.List;
import java.util.Map;

/** What the rules read about the whole capture: every session with its facts, and the facts no session holds. */
public final class CaptureFacts {
    private final List<SessionFacts> sessionFacts;
    private final List<FtpSession> sessions;
    private final long endNanos;
    private final List<IcmpUnreachable> icmp;
    private final boolean onlyControlConnections;
    private final Map<Integer, List<TcpStream>> inferredData;
    private final Map<Integer, List<TcpStream>> besideCutSessions;
    private final List<OrphanDataConnection> orphans;
    private final int truncatedFrames;
    private final int firstTruncatedFrame;
    private final boolean noDataConnectionCaptured;
    private final List<TcpStream> oneDirectionStreams;

    /**
     * @param endNanos               the capture's last timestamp
     * @param icmp                   ICMP destination-unreachable messages that quote a TCP segment
     * @param onlyControlConnections whether every TCP connection no setup claimed is a control connection
     * @param inferredData           by session id: the connections taken as an encrypted session's data
     *                               connections ({@link EncryptedSessionDataRule#claim})
     * @param besideCutSessions      by session id, for sessions whose control bytes the snaplen cut: the
     *                               connections between its hosts while it was open that no setup claimed
     *                               ({@link CutControlChannelRule})
     * @param orphans                connections that are FTP data by their ports, without control connection or setup
     * @param truncatedFrames        frames the snapshot length cut; {@code firstTruncatedFrame} the first, 0 if none
     * @param oneDirectionStreams    the TCP connections of which the capture holds one side only, in stream
     *                               order ({@link TcpStream#unseenDirection()} not null)
     */
    public CaptureFacts(List<SessionFacts> sessionFacts, long endNanos, List<IcmpUnreachable> icmp,
                        boolean onlyControlConnections, Map<Integer, List<TcpStream>> inferredData,
                        Map<Integer, List<TcpStream>> besideCutSessions,
                        List<OrphanDataConnection> orphans, int truncatedFrames, int firstTruncatedFrame,
                        List<TcpStream> oneDirectionStreams) {
        this.sessionFacts = List.copyOf(sessionFacts);
        this.sessions = this.sessionFacts.stream().map(SessionFacts::session).toList();
        this.endNanos = endNanos;
        this.icmp = List.copyOf(icmp);
        this.onlyControlConnections = onlyControlConnections;
        this.inferredData = Map.copyOf(inferredData);
        this.besideCutSessions = Map.copyOf(besideCutSessions);
        this.orphans = List.copyOf(orphans);
        this.truncatedFrames = truncatedFrames;
        this.firstTruncatedFrame = firstTruncatedFrame;
        this.noDataConnectionCaptured = noDataConnection(sessions);
        this.oneDirectionStreams = List.copyOf(oneDirectionStreams);
    }

    /** The TCP connections of which the capture holds one side's segments only, in stream order. */
    public List<TcpStream> oneDirectionStreams() { return oneDirectionStreams; }

    public List<SessionFacts> sessionFacts() { return sessionFacts; }

    /** The finished sessions, in id order. */
    public List<FtpSession> sessions() { return sessions; }

    public long endNanos() { return endNanos; }

    public List<IcmpUnreachable> icmp() { return icmp; }

    public boolean onlyControlConnections() { return onlyControlConnections; }

    /** The connections taken as session {@code id}'s data connections (encrypted, no key log); empty if none. */
    public List<TcpStream> inferredData(int id) { return inferredData.getOrDefault(id, List.of()); }

    /** The unclaimed connections between the hosts of session {@code id}, whose control bytes were cut, while it was open; empty if none. */
    public List<TcpStream> besideCutSession(int id) { return besideCutSessions.getOrDefault(id, List.of()); }

    public List<OrphanDataConnection> orphans() { return orphans; }

    public int truncatedFrames() { return truncatedFrames; }

    public int firstTruncatedFrame() { return firstTruncatedFrame; }

    /**
     * Whether no data connection of any setup or transfer is in the capture: then the capture, not
     * the network, lacks them, and one finding says so instead of one per transfer.
     */
    public boolean noDataConnectionCaptured() { return noDataConnectionCaptured; }

    private static boolean noDataConnection(List<FtpSession> sessions) {
        for (FtpSession s : sessions) {
            for (DataSetup d : s.setups()) {
                if (d.data() != null || !d.foreignConnections().isEmpty()) return false;
            }
            for (Transfer t : s.transfers()) {
                if (t.data().state() != DataState.MISSING) return false;
            }
        }
        return true;
    }
}
