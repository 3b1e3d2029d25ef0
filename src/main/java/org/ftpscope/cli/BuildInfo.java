package org.ftpscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and commit the build wrote into {@code org/ftpscope/build.properties}. */
public final class BuildInfo {
    static final String RESOURCE = "/org/ftpscope/build.properties";
    static final String UNKNOWN = "unknown";

    private BuildInfo() {}

    /** E.g. {@code ftpscope 0.1.0 (commit 17fedfd27731)}; "unknown" for what the build did not record. */
    public static String line() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // A resource inside our own jar that cannot be read: report both as unknown.
        }
        return format(p.getProperty("version", UNKNOWN), p.getProperty("commit", UNKNOWN));
    }

    /** {@code --version} of every command. */
    static final class Provider implements picocli.CommandLine.IVersionProvider {
        @Override public String[] getVersion() { return new String[] {line()}; }
    }

    static String format(String version, String commit) {
        return "ftpscope " + version + " (commit " + commit + ")";
    }
}
