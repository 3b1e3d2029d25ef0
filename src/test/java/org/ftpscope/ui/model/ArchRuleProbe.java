package org.ftpscope.ui.model;

/** A view model that breaks the layering rule on purpose: LayeringTest proves its rule catches it. */
public final class ArchRuleProbe {
    private ArchRuleProbe() {}

    public static Object label() { return new javafx.scene.control.Label("a view model must not make this"); }
}
