package org.ftpscope.ui;

import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/** The desktop application; {@code java -jar ftpscope.jar CAPTURE} opens the capture at once. */
public final class FtpscopeApp extends Application {

    @Override
    public void start(Stage stage) {
        MainWindow w = new MainWindow(stage);
        stage.show();
        List<String> args = getParameters() == null ? List.of() : getParameters().getRaw();
        if (!args.isEmpty()) w.open(Path.of(args.get(0)));
    }
}
