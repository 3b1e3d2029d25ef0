package org.ftpscope.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ftpscope --version}: the pom's version and the commit the build recorded. */
class BuildInfoTest {
    @Test
    void versionOptionPrintsThePomVersionAndACommit() throws IOException {
        Matcher pom = Pattern.compile("<artifactId>ftpscope</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(pom.find(), "pom.xml has the project's version");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"--version"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.EXIT_OK, code);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        String line = out.toString(StandardCharsets.UTF_8).strip();
        String expected = "ftpscope " + Pattern.quote(pom.group(1)) + " \\(commit ([0-9a-f]{12}(-modified)?|unknown)\\)";
        assertTrue(line.matches(expected), line + " matches " + expected);
    }

    @Test
    void missingFieldsSayUnknown() {
        assertEquals("ftpscope unknown (commit unknown)", BuildInfo.format(BuildInfo.UNKNOWN, BuildInfo.UNKNOWN));
    }
}
