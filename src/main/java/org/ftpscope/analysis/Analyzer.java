package org.ftpscope.analysis;

import org.ftpscope.capture.CaptureException;
import org.ftpscope.capture.CaptureFile;
import org.ftpscope.capture.ReadProgress;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.ftp.session.FtpAnalyzer;
import org.ftpscope.ftp.session.FtpResult;
import org.ftpscope.tcp.TcpReassembler;

import java.nio.file.Path;

/** The whole analysis in one pass: read → decode → reassemble → FTP. Headless. */
public final class Analyzer {
    private Analyzer() {}

    public static Analysis analyze(Path capture) throws CaptureException { return analyze(capture, null); }

    public static Analysis analyze(Path capture, ReadProgress progress) throws CaptureException {
        return analyze(capture, progress, null);
    }

    /**
     * As {@link #analyze(Path, ReadProgress)}, also handing every frame to {@code tap} as it is read
     * (the app shows the first frames before the analysis has finished).
     */
    public static Analysis analyze(Path capture, ReadProgress progress, org.ftpscope.capture.FrameVisitor tap)
            throws CaptureException {
        return analyze(capture, progress, tap, Runtime.getRuntime().availableProcessors() > 1);
    }

    /**
     * As above; {@code hashInParallel} false keeps the pass on the calling thread (the app does so on
     * two cores, leaving one for the FX and render threads).
     */
    public static Analysis analyze(Path capture, ReadProgress progress, org.ftpscope.capture.FrameVisitor tap,
                                   boolean hashInParallel) throws CaptureException {
        return analyze(capture, progress, tap, hashInParallel, true, org.ftpscope.tls.KeyLog.none());
    }

    /** As above, decrypting FTPS with the NSS key log {@code keyLog} ({@link org.ftpscope.tls.KeyLog#none()}: none). */
    public static Analysis analyze(Path capture, ReadProgress progress, org.ftpscope.capture.FrameVisitor tap,
                                   boolean hashInParallel, org.ftpscope.tls.KeyLog keyLog) throws CaptureException {
        return analyze(capture, progress, tap, hashInParallel, true, keyLog);
    }

    /**
     * The analysis without anything kept per frame (no frame index, TCP frame table or content
     * spans), so its memory is bounded by what is open at once, not by the capture's length. Its
     * sessions, transfers, digests and findings are those of {@link #analyze(Path)}; frames cannot
     * be looked up or extracted from it. For {@code analyze}.
     */
    public static Analysis analyzeStreaming(Path capture) throws CaptureException {
        return analyzeStreaming(capture, org.ftpscope.tls.KeyLog.none());
    }

    /** As {@link #analyzeStreaming(Path)}, decrypting FTPS with the NSS key log {@code keyLog} (issue 22). */
    public static Analysis analyzeStreaming(Path capture, org.ftpscope.tls.KeyLog keyLog) throws CaptureException {
        return analyze(capture, null, null, Runtime.getRuntime().availableProcessors() > 1, false, keyLog);
    }

    /** As {@link #analyze(Path)}, decrypting FTPS with the NSS key log {@code keyLog} (issue 22). */
    public static Analysis analyzeWithKeyLog(Path capture, org.ftpscope.tls.KeyLog keyLog) throws CaptureException {
        return analyze(capture, null, null, Runtime.getRuntime().availableProcessors() > 1, true, keyLog);
    }

    /**
     * With a key log the TLS layer sees every stream first and the FTP layer reads the plaintext of
     * what it decrypts; without one ({@link org.ftpscope.tls.KeyLog#none()}) the pass is the plain FTP one.
     */
    private static Analysis analyze(Path capture, ReadProgress progress, org.ftpscope.capture.FrameVisitor tap,
                                    boolean hashInParallel, boolean perFrame, org.ftpscope.tls.KeyLog keyLog) throws CaptureException {
        PacketInfo info = new PacketInfo();
        FtpAnalyzer ftp = new FtpAnalyzer(hashInParallel);
        org.ftpscope.tcp.StreamListener first = ftp;
        org.ftpscope.tls.TlsDecryptor dec = null;
        if (keyLog != null && !keyLog.absent()) {
            dec = new org.ftpscope.tls.TlsDecryptor(keyLog, ftp);
            ftp.decryptWith(dec);
            first = dec;
        }
        TcpReassembler tcp = new TcpReassembler(first, org.ftpscope.tcp.TcpLimits.DEFAULT, perFrame);
        org.ftpscope.decode.link.UndecodedFrames undecoded = new org.ftpscope.decode.link.UndecodedFrames(info);
        try {
            org.ftpscope.capture.FrameVisitor pass = (frame, ts, linkType, orig, buf, off, cap) -> {
                PacketDecoder.decode(linkType, buf, off, cap, info);
                undecoded.frame(frame, linkType);
                ftp.setNow(ts);
                ftp.frameCaptured(frame, cap, orig);
                if (!info.tcp && (info.ipProtocol == PacketDecoder.IP_ICMP || info.ipProtocol == PacketDecoder.IP_ICMPV6)) {
                    ftp.icmp(frame, buf, off, cap, info);
                }
                // An exact copy of an earlier frame is listed, but the TCP layer passes it on once (DuplicateFrames).
                tcp.frame(frame, ts, orig, info, buf, off, cap);
                if (tap != null) tap.frame(frame, ts, linkType, orig, buf, off, cap);
            };
            CaptureFile cf = CaptureFile.read(capture, tap == null ? pass
                    : org.ftpscope.capture.FrameVisitor.withPrecision(pass, tap::timePrecision), progress, perFrame);
            tcp.finish();
            FtpResult result = ftp.result();
            cf.addWarnings(undecoded.warnings());
            tcp.duplicates().warnings(cf.index()).forEach(cf::addWarning);
            cf.addWarnings(tcp.limitWarnings());
            cf.addWarnings(ftp.limitWarnings());
            if (dec != null) {
                cf.addWarnings(keyLog.limitWarnings()); // the key log's limits, said where the capture's are
                cf.addWarnings(dec.limitWarnings());
            }
            Analysis analysis = new Analysis(cf, tcp.streams(), tcp.frameTable(), result);
            if (dec != null) {
                analysis.tls(dec.connections());
                analysis.tlsKeys(dec.keys());
            }
            return analysis;
        } finally {
            ftp.abandon(); // the hashing thread has ended if the pass completed; otherwise stop it
        }
    }
}
