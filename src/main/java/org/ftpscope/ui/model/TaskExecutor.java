package org.ftpscope.ui.model;

import java.util.function.Consumer;

/**
 * Runs background work for the view models and hands results back on the UI thread. The app
 * uses {@link FxTaskExecutor}; tests use {@link #direct()}, which runs everything at once on the
 * calling thread, so view models are tested without a display or waiting.
 */
public interface TaskExecutor {

    /** Work that may report progress and should stop when {@link Progress#cancelled()}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** What a running piece of work may tell, and ask. */
    interface Progress {
        /** Fraction done (0..1, or negative when unknown) and a message; shown at most a few times a second. */
        void update(double fraction, String message);

        boolean cancelled();
    }

    /** Callbacks, all run on the UI thread; at most one of them runs, and none after a cancel. */
    record Callbacks<T>(Consumer<T> succeeded, Consumer<Throwable> failed, ProgressListener progress) {
        public Callbacks(Consumer<T> succeeded, Consumer<Throwable> failed) { this(succeeded, failed, null); }
    }

    @FunctionalInterface
    interface ProgressListener {
        void progress(double fraction, String message);
    }

    /** A submitted piece of work. */
    interface Handle {
        /** Asks the work to stop; its callbacks will not run. */
        void cancel();

        boolean isCancelled();

        boolean isDone();
    }

    <T> Handle submit(String name, Work<T> work, Callbacks<T> callbacks);

    /** Runs the work at once on the calling thread, callbacks included (for tests). */
    static TaskExecutor direct() { return DirectTaskExecutor.INSTANCE; }
}
