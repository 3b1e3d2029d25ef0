package org.ftpscope.ui;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.ftpscope.decode.DetailNode;
import org.ftpscope.ui.model.FindingsViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Screenshots of each view on real samples, for src/site/screenshots (issue 19's closing note):
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -o -q test -Dtest=ScreenshotsTest
 * -Dftpscope.screenshots=src/site/screenshots}. Skipped without that property or without a display.
 * It checks what each picture shows, so a picture of a broken view fails instead of being saved.
 */
@ExtendWith({ScreenshotsTest.Wanted.class, ApplicationExtension.class})
class ScreenshotsTest {
    static final class Wanted implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (System.getProperty("ftpscope.screenshots") == null) {
                return ConditionEvaluationResult.disabled("screenshots only when -Dftpscope.screenshots=DIR is given");
            }
            return new UiTests.NeedsDisplay().evaluateExecutionCondition(context);
        }
    }

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = UiTests.window(stage);
        stage.show();
    }

    private void open(String sample) throws Exception {
        Platform.runLater(() -> window.open(Path.of("samples", sample)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.viewModel().capture() != null
                && window.viewModel().capture().name().equals(sample) && !window.viewModel().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void idle() throws Exception {
        UiTests.waitIdle(window);
        Thread.sleep(300); // a few pulses: laid out and drawn
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> c) throws Exception { return UiTests.fx(c); }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void save(Scene scene, String name) throws Exception { save(() -> scene.snapshot(null), name); }

    private static void save(Node node, String name) throws Exception { save(() -> node.snapshot(null, null), name); }

    private static void save(Callable<WritableImage> shot, String name) throws Exception {
        File out = new File(System.getProperty("ftpscope.screenshots"), name);
        fx(() -> {
            ImageIO.write(SwingFXUtils.fromFXImage(shot.call(), null), "png", out);
            return null;
        });
        assertTrue(out.length() > 10_000, out + ": " + out.length() + " bytes");
    }

    @Test
    void eachView() throws Exception {
        fx(() -> {
            stage.setWidth(1440);
            stage.setHeight(900);
        });
        open("pasv-curl.pcap");
        // Frame list: a filter applied, a frame selected, its FTP layer expanded and a field highlighted.
        fx(() -> window.viewModel().frames().applyFilter("ftp || ftp-data"));
        idle();
        fx(() -> window.viewModel().frames().select(13));
        idle();
        assertEquals("Response: 230 Login successful.", fx(() -> window.frameTable().visibleRowTexts().stream()
                .filter(r -> r.get(1).equals("13")).findFirst().orElseThrow().get(7)).strip());
        fx(() -> {
            TreeItem<DetailNode> root = window.detail().tree().getRoot();
            TreeItem<DetailNode> ftp = root.getChildren().get(root.getChildren().size() - 1);
            ftp.setExpanded(true);
            window.detail().tree().getSelectionModel().select(ftp.getChildren().isEmpty() ? ftp : ftp.getChildren().get(0));
        });
        idle();
        save(stage.getScene(), "frame-list.png");
        save(window.detail(), "packet-detail.png");

        // Follow TCP Stream of the control connection.
        fx(() -> window.run(Actions.Id.FOLLOW_TCP));
        idle();
        FollowStreamWindow follow = window.followWindow();
        assertEquals("Follow TCP Stream (tcp.stream eq 0) · pasv-curl.pcap", fx(() -> follow.stage().getTitle()));
        save(follow.stage().getScene(), "follow-stream.png");
        fx(() -> follow.stage().hide());

        // Sessions, findings and the ladder on the NAT sample: session 2 went to the advertised private address.
        open("nat-wrong-pasv-address.pcap");
        fx(() -> {
            window.run(Actions.Id.VIEW_SESSIONS);
            window.viewModel().sessions().select(java.util.Set.of(2), 2);
        });
        idle();
        assertEquals(5, fx(() -> window.sessions().table().getItems().size()));
        assertEquals(java.util.List.of(2), fx(() -> java.util.List.copyOf(window.sessions().table().getSelectionModel().getSelectedIndices())));
        save(stage.getScene(), "sessions.png");
        fx(() -> window.sessions().detailTabs().getSelectionModel().select(1));
        idle();
        LadderCanvas ladder = window.sessions().ladder();
        assertEquals(fx(() -> ladder.model().arrows().size()), fx(ladder::drawnArrows));
        assertEquals("10.10.10.21:40005", fx(() -> ladder.model().lifelines().get(4).label()));
        save(stage.getScene(), "ladder-window.png");
        save(ladder, "ladder.png");

        fx(() -> window.run(Actions.Id.VIEW_FINDINGS));
        idle();
        assertEquals(4, fx(() -> window.viewModel().findings().groups().size()));
        fx(() -> ((javafx.scene.control.TitledPane) window.findings().list().lookup(".finding-members")).setExpanded(true));
        idle();
        assertEquals("frame 85", fx(() -> {
            var link = (javafx.scene.control.Hyperlink) window.findings().list().lookup(".finding-member .hyperlink");
            return link.getWidth() >= link.prefWidth(-1) - 0.5 ? link.getText() : "squeezed to " + link.getWidth() + " px";
        }));
        save(stage.getScene(), "findings.png");
        // Double-click on the first group: its frames, and the status bar names it.
        fx(() -> window.viewModel().showFinding(FindingsViewModel.jump(window.viewModel().findings().groups().get(0))));
        fx(() -> window.run(Actions.Id.VIEW_FRAMES));
        idle();
        assertTrue(fx(() -> window.statusBar().getText()).contains("(finding: \"Data connection blocked (SYN without answer)\" ×3)"),
                fx(() -> window.statusBar().getText()));
        save(stage.getScene(), "finding-filtered.png");
    }
}
