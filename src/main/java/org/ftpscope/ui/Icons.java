package org.ftpscope.ui;

import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.InputStream;

/** The application icon in several sizes, from the project's icons/ (packed into the jar). */
final class Icons {
    private Icons() {}

    static void apply(Stage stage) {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            InputStream in = Icons.class.getResourceAsStream("/icons/ftpscope-" + size + ".png");
            if (in != null) stage.getIcons().add(new Image(in));
        }
    }
}
