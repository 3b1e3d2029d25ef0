package org.ftpscope;

import org.ftpscope.cli.Cli;

/**
 * Entry point of {@code ftpscope.jar}: no arguments (or just a capture file) opens the desktop
 * window; a sub-command runs headless and never initialises JavaFX.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0 || (args.length == 1 && Cli.looksLikeCaptureFile(args[0]))) {
            // Loaded only here, so headless commands never touch JavaFX classes.
            org.ftpscope.ui.DesktopLauncher.launch(args);
            return;
        }
        System.exit(Cli.run(args, System.out, System.err));
    }
}
