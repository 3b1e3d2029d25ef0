package org.ftpscope.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which connections of which file go to stage 2. The files of a capture point are put in order
 * (first frame's time, then name: mergecap -a's concatenation of a rotation). A connection may
 * continue across the cut between neighbouring files k and k+1 when it is open at k's end or at
 * k+1's start; its 4-tuple is then "crossing" in both files. Sessions with a crossing connection,
 * and the connections no session claimed that cross or look like data connections, are carried.
 */
record StitchPlan(Map<String, FilePlan> files) implements Serializable {

    /**
     * @param sequenceIndex the file's place in its capture point (0-based)
     * @param stitched      whether the capture point has more than one file and they are stitched
     * @param crossing      the 4-tuples that may continue in a neighbouring file
     * @param note          why a multi-file capture point is not stitched, or null
     */
    record FilePlan(String point, int sequenceIndex, boolean stitched, Set<String> crossing, String note)
            implements Serializable {}

    FilePlan of(String file) { return files.get(file); }

    static StitchPlan of(List<FileResult.Boundary> all) {
        Map<String, List<FileResult.Boundary>> byPoint = new HashMap<>();
        Map<String, FilePlan> plans = new HashMap<>();
        for (FileResult.Boundary b : all) {
            if (b.analysed()) byPoint.computeIfAbsent(b.point(), k -> new ArrayList<>()).add(b);
            else plans.put(b.file(), new FilePlan(b.point(), -1, false, Set.of(), null));
        }
        for (List<FileResult.Boundary> files : byPoint.values()) {
            files.sort(Comparator.comparingLong(FileResult.Boundary::firstNanos).thenComparing(FileResult.Boundary::file));
            String overlap = null;
            for (int k = 1; k < files.size() && overlap == null; k++) {
                if (files.get(k).firstNanos() < files.get(k - 1).lastNanos()) {
                    overlap = "not stitched with the other files of its capture point: " + files.get(k).file()
                            + " starts before " + files.get(k - 1).file() + " ends, so they are no rotation"
                            + " of one capture (each file is analysed alone)";
                }
            }
            boolean stitched = files.size() > 1 && overlap == null;
            List<Set<String>> cuts = new ArrayList<>(); // cuts.get(k): between file k and k+1
            for (int k = 0; k + 1 < files.size(); k++) {
                Set<String> c = new HashSet<>(files.get(k).openAtEnd());
                c.addAll(files.get(k + 1).openAtStart());
                cuts.add(c);
            }
            for (int k = 0; k < files.size(); k++) {
                Set<String> crossing = new HashSet<>();
                if (stitched) {
                    if (k > 0) crossing.addAll(cuts.get(k - 1));
                    if (k < cuts.size()) crossing.addAll(cuts.get(k));
                }
                FileResult.Boundary b = files.get(k);
                plans.put(b.file(), new FilePlan(b.point(), k, stitched, crossing, files.size() > 1 ? overlap : null));
            }
        }
        return new StitchPlan(plans);
    }

    /** Whether stage 2 takes this session: one of its connections crosses a cut. */
    static boolean carried(FilePlan plan, FileResult.SessionPart s) {
        if (!plan.stitched()) return false;
        for (String t : s.tuples()) if (plan.crossing().contains(t)) return true;
        return false;
    }

    /**
     * Whether stage 2 takes an unclaimed connection: it crosses a cut, or it may be the data
     * connection of a session whose control connection has no frame in this file.
     */
    static boolean carried(FilePlan plan, FileResult.Connection c) {
        return plan.stitched() && (c.highPorts() || plan.crossing().contains(c.tuple()));
    }
}
