package org.ftpscope.ui.model;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analyzer;

/** Real samples, analysed as the window loads them. */
final class Samples {
    private Samples() {}

    static LoadedCapture load(String name) {
        try {
            return new LoadedCapture(Analyzer.analyze(TestCaptures.sample(name)));
        } catch (Exception e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }
}
