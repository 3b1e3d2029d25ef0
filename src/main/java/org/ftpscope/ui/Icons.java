package org.ftpscope.ui;

import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.InputStream;

/** The application icon in several sizes, from the project's icons/ (packed into the jar). */
final class Icons {
    private Icons() {}

    /** A toolbar icon from /icons/tb-NAME.png, or null if missing. */
    static javafx.scene.image.ImageView toolbar(String name) {
        InputStream in = Icons.class.getResourceAsStream("/icons/tb-" + name + ".png");
        return in == null ? null : new javafx.scene.image.ImageView(new Image(in));
    }

    static void apply(Stage stage) {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            InputStream in = Icons.class.getResourceAsStream("/icons/ftpscope-" + size + ".png");
            if (in != null) stage.getIcons().add(new Image(in));
        }
    }
}
