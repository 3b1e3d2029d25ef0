package org.ftpscope.ui;

import javafx.stage.Stage;
import org.ftpscope.ui.model.FxTaskExecutor;
import org.ftpscope.ui.model.RecentFiles;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

/** What every test of the real window shares: the display check, the window, the waits. */
final class UiTests {
    private UiTests() {}

    /**
     * Skips, with the reason, where no X display is there. On Linux the test JVM starts its own
     * Xvfb when DISPLAY is unset (src/test/xvfb/bin/java, pom.xml profile test-display); where
     * neither is there, that launcher says why in FTPSCOPE_NO_DISPLAY.
     */
    static final class NeedsDisplay implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (!System.getProperty("os.name", "").startsWith("Linux")) {
                return ConditionEvaluationResult.enabled("JavaFX needs no X display here");
            }
            String d = System.getenv("DISPLAY");
            if (d != null && !d.isBlank()) return ConditionEvaluationResult.enabled("DISPLAY=" + d);
            String why = System.getenv("FTPSCOPE_NO_DISPLAY");
            return ConditionEvaluationResult.disabled((why != null && !why.isBlank() ? why
                    : "no X display (DISPLAY is unset) and the test JVM was not started by src/test/xvfb/bin/java")
                    + ": the UI tests need one; install Xvfb, or run them under xvfb-run");
        }
    }

    /** The real window, with the real executor and preferences of its own: a test never touches the user's. */
    static MainWindow window(Stage stage, Preferences prefs) {
        return new MainWindow(stage, new FxTaskExecutor(), new RecentFiles(prefs));
    }

    static MainWindow window(Stage stage) { return window(stage, new org.ftpscope.ui.model.MemoryPreferences()); }

    /** Until the capture being opened is shown and nothing loads any more. */
    static void waitLoaded(MainWindow window) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.viewModel().loadingProperty().get()
                && window.viewModel().capture() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Until the frame table's background work (filter, sort) has ended. */
    static void waitIdle(MainWindow window) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.viewModel().frames().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** {@code c} run on the FX thread, its result. */
    static <T> T fx(Callable<T> c) throws Exception { return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS); }
}
