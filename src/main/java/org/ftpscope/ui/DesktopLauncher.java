package org.ftpscope.ui;

/** Starts the JavaFX application; kept free of JavaFX types so callers load nothing of JavaFX. */
public final class DesktopLauncher {
    private DesktopLauncher() {}

    public static void launch(String[] args) {
        javafx.application.Application.launch(FtpscopeApp.class, args);
    }
}
