package org.ftpscope.ftp.parse;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.model.CommandRecord;
import org.ftpscope.ftp.model.FtpSession;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PathNames#normalize} is a one-pass rewrite of a split-and-join version (kept here as the
 * oracle); both must agree on every path argument sent in the real captures, and on the same
 * arguments with ".", ".." and doubled slashes put around them.
 */
class PathNamesTest {
    private static final Set<String> PATH_VERBS = Set.of("CWD", "XCWD", "RETR", "STOR", "STOU", "APPE", "LIST",
            "NLST", "MLSD", "MLST", "SIZE", "MDTM", "DELE", "MKD", "XMKD", "RMD", "XRMD", "RNFR", "RNTO");

    @Test
    void agreesWithSplitAndJoinOnEveryPathInTheCaptures() throws Exception {
        Set<String> args = new TreeSet<>();
        List<Path> captures;
        try (Stream<Path> s = Files.list(Path.of("samples"))) {
            captures = s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
        for (Path p : captures) {
            try (Analysis a = Analyzer.analyze(p)) {
                for (FtpSession session : a.sessions()) {
                    for (CommandRecord c : session.commands()) {
                        if (c.command() != null && PATH_VERBS.contains(c.command()) && c.arg() != null && !c.arg().isEmpty()) args.add(c.arg());
                    }
                }
            }
        }
        // hostile-names.pcap sends ../../etc/passwd; the recordings CWD into pub/ and upload/.
        assertTrue(args.contains("../../etc/passwd"), "arguments found: " + args);
        assertTrue(args.size() >= 20, "arguments found: " + args);
        int checked = 0;
        for (String arg : args) {
            for (String path : List.of(arg, "/" + arg, "/pub/" + arg, "/pub/./" + arg + "/..", "//" + arg + "//",
                    "/a/b/../" + arg + "/./x/..", "/../" + arg, arg + "/../..")) {
                assertEquals(splitAndJoin(path), PathNames.normalize(path), path);
                checked++;
            }
        }
        assertEquals(8 * args.size(), checked);
        assertEquals("/etc/passwd", PathNames.resolve("/pub/incoming", "../../etc/passwd"));
        assertEquals("/", PathNames.resolve("/pub", "../../.."));
    }

    private static String splitAndJoin(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (!parts.isEmpty()) parts.removeLast();
                continue;
            }
            parts.addLast(p);
        }
        return "/" + String.join("/", parts);
    }
}
