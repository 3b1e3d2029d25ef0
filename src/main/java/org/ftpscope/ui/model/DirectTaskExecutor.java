package org.ftpscope.ui.model;

/** {@link TaskExecutor#direct()}: no thread, no waiting. */
final class DirectTaskExecutor implements TaskExecutor {
    static final DirectTaskExecutor INSTANCE = new DirectTaskExecutor();

    private DirectTaskExecutor() {}

    @Override
    public <T> Handle submit(String name, Work<T> work, Callbacks<T> callbacks) {
        boolean[] cancelled = {false};
        Handle handle = new Handle() {
            @Override public void cancel() { cancelled[0] = true; }

            @Override public boolean isCancelled() { return cancelled[0]; }

            @Override public boolean isDone() { return true; }
        };
        T result;
        try {
            result = work.run(new Progress() {
                @Override
                public void update(double fraction, String message) {
                    if (callbacks.progress() != null) callbacks.progress().progress(fraction, message);
                }

                @Override public boolean cancelled() { return cancelled[0]; }
            });
        } catch (Exception | OutOfMemoryError e) {
            if (!cancelled[0]) callbacks.failed().accept(e);
            return handle;
        }
        if (!cancelled[0]) callbacks.succeeded().accept(result);
        return handle;
    }
}
