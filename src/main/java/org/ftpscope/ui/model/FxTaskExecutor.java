package org.ftpscope.ui.model;

import javafx.application.Platform;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One daemon thread per piece of work; callbacks and progress go back through
 * {@link Platform#runLater}. Progress is passed on at most four times a second, so a fast loop
 * does not flood the FX thread with status-bar updates.
 */
public final class FxTaskExecutor implements TaskExecutor {
    static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;

    @Override
    public <T> Handle submit(String name, Work<T> work, Callbacks<T> callbacks) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        Handle handle = new Handle() {
            @Override public void cancel() { cancelled.set(true); }

            @Override public boolean isCancelled() { return cancelled.get(); }

            @Override public boolean isDone() { return done.get(); }
        };
        Progress progress = new Progress() {
            private long last = System.nanoTime() - PROGRESS_INTERVAL_NANOS;

            @Override
            public void update(double fraction, String message) {
                long now = System.nanoTime();
                if (callbacks.progress() == null || now - last < PROGRESS_INTERVAL_NANOS) return;
                last = now;
                Platform.runLater(() -> { if (!cancelled.get()) callbacks.progress().progress(fraction, message); });
            }

            @Override public boolean cancelled() { return cancelled.get(); }
        };
        Thread t = new Thread(() -> {
            try {
                T result = work.run(progress);
                Platform.runLater(() -> {
                    done.set(true);
                    if (!cancelled.get()) callbacks.succeeded().accept(result);
                });
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    done.set(true);
                    if (!cancelled.get()) callbacks.failed().accept(e);
                });
            }
        }, "ftpscope-" + name);
        t.setDaemon(true);
        t.start();
        return handle;
    }
}
