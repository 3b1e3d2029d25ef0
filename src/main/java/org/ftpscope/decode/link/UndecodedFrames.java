package org.ftpscope.decode.link;

import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.capture.Limit;
import org.ftpscope.decode.PacketInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts, during the pass, the frames of link types not in {@link LinkLayers#ALL}: such a capture
 * otherwise reads as one without FTP, so each link type gets a warning with its first frame and count.
 */
public final class UndecodedFrames {
    /** The pass's decoded frame, read after each decode: frames tunnelled past {@link Limit#IP_TUNNELS} are counted. */
    private final PacketInfo info;
    private int tunnelFrames;
    private int firstTunnelFrame;

    public UndecodedFrames() { this(null); }

    /** Also counts the frames whose IP tunnels nest deeper than {@link Limit#IP_TUNNELS} ({@code info} is the pass's). */
    public UndecodedFrames(PacketInfo info) { this.info = info; }

    /** The last link type seen decodable: a capture of one link type costs one comparison per frame. */
    private int lastDecoded = -1;
    /** Link type → {first frame, frames}. */
    private final Map<Integer, int[]> byLinkType = new TreeMap<>();

    public void frame(int frame, int linkType) {
        if (info != null && info.tooManyTunnels && tunnelFrames++ == 0) firstTunnelFrame = frame;
        if (linkType == lastDecoded) return;
        if (LinkLayers.of(linkType) != null) {
            lastDecoded = linkType;
            return;
        }
        byLinkType.computeIfAbsent(linkType, t -> new int[] {frame, 0})[1]++;
    }

    public List<CaptureWarning> warnings() {
        List<CaptureWarning> out = new ArrayList<>();
        for (Map.Entry<Integer, int[]> e : byLinkType.entrySet()) {
            int frames = e.getValue()[1];
            out.add(new CaptureWarning(e.getValue()[0], -1, "link type " + LinkLayers.name(e.getKey()) + " (" + e.getKey()
                    + ") is not decoded by ftpscope: " + (frames == 1 ? "its frame is" : "its " + frames + " frames are")
                    + " listed, but no IP, TCP or FTP is read from " + (frames == 1 ? "it" : "them")));
        }
        if (tunnelFrames > 0) {
            out.add(CaptureWarning.limit(Limit.IP_TUNNELS, firstTunnelFrame, String.format(Locale.ROOT, "%,d", tunnelFrames)
                    + (tunnelFrames == 1 ? " frame carries" : " frames carry") + " IP tunnelled in IP more times: the packet inside"
                    + " is not decoded, and no TCP or FTP is read from " + (tunnelFrames == 1 ? "it" : "them")));
        }
        return out;
    }
}
