package org.ftpscope.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The desktop window. */
public final class FtpscopeApp extends Application {

    @Override
    public void start(Stage stage) {
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        MenuBar menus = new MenuBar(new Menu("File", null, quit));

        Label title = new Label("ftpscope");
        title.setStyle("-fx-font-size: 28px; -fx-font-weight: bold;");
        Label hint = new Label("Offline FTP analysis of pcap and pcapng captures.\n"
                + "Open a capture from the command line: java -jar ftpscope.jar CAPTURE");
        VBox welcome = new VBox(12, title, hint);
        welcome.setAlignment(Pos.CENTER);
        welcome.setPadding(new Insets(24));

        BorderPane root = new BorderPane(welcome);
        root.setTop(menus);
        stage.setTitle("ftpscope");
        stage.setScene(new Scene(root, 1100, 720));
        stage.show();
    }
}
