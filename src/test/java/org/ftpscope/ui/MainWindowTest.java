package org.ftpscope.ui;

import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opens the real main window (headless under Xvfb in CI). */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new FtpscopeApp().start(stage);
    }

    @Test
    void showsTitleAndMenu(FxRobot robot) {
        assertEquals("ftpscope", stage.getTitle());
        assertTrue(stage.isShowing());
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        assertEquals("File", bar.getMenus().get(0).getText());
        Label title = robot.lookup(n -> n instanceof Label l && "ftpscope".equals(l.getText())).queryAs(Label.class);
        assertEquals("ftpscope", title.getText());
    }
}
