package org.ftpscope.ui;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.report.ObjectExporter;
import org.ftpscope.report.ReportSelection;
import org.ftpscope.report.ReportWriter;
import org.ftpscope.report.ReportWriters;
import org.ftpscope.report.TextFiles;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** File ▸ Export Session Report… and File ▸ Export Objects ▸ FTP-DATA…, over the report package. */
final class ExportDialogs {
    private ExportDialogs() {}

    /** Asks for a file and writes the report of the given sessions (all when empty). */
    static void exportReport(Window owner, Analysis a, Set<Integer> sessions) {
        CheckBox passwords = new CheckBox("Include passwords (masked by default)");
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.initOwner(owner);
        ask.setTitle("Export Session Report");
        ask.setHeaderText(sessions.isEmpty() ? "Report on all " + a.sessions().size() + " FTP sessions"
                : "Report on the selected session" + (sessions.size() > 1 ? "s" : "") + " " + sessions);
        ask.getDialogPane().setContent(new VBox(8, new Label(String.join(", ", ReportWriters.ALL.stream()
                .map(r -> r.label() + " (" + r.extensions().get(0) + ")").toList()) + ", by file name."), passwords));
        if (ask.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) return;
        FileChooser fc = new FileChooser();
        fc.setTitle("Export Session Report");
        fc.setInitialFileName(a.capture().path().getFileName().toString().replaceAll("\\.[^.]*$", "") + "-ftp-report.html");
        for (ReportWriter r : ReportWriters.ALL) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(r.label(), r.extensions().stream().map(x -> "*" + x).toList()));
        }
        File f = fc.showSaveDialog(owner); // the chooser itself asks before replacing a file
        if (f == null) return;
        try {
            writeReport(a, f.toPath(), new ReportSelection(sessions, passwords.isSelected()));
            info(owner, "Saved " + f);
        } catch (IOException e) {
            error(owner, "Cannot save the report", f + ": " + e.getMessage());
        }
    }

    /** The report in the format the file name's ending names (HTML when it names none). */
    static void writeReport(Analysis a, Path target, ReportSelection selection) throws IOException {
        ReportWriter writer = ReportWriters.forFileName(target.getFileName().toString());
        TextFiles.writeAtomically(target, w -> writer.write(a, selection, w));
    }

    /** Wireshark's Export Objects ▸ FTP-DATA: the transferred files, save selected or all. */
    static Stage exportObjects(Window owner, Analysis a) {
        List<ObjectExporter.FtpObject> objects = ObjectExporter.objects(a, true);
        TableView<ObjectExporter.FtpObject> table = new TableView<>();
        table.getItems().setAll(objects);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().setAll(List.of(
                col("Frame", 70, o -> Integer.toString(o.transfer().commandFrame())),
                col("Session", 70, o -> "#" + o.session().id()),
                col("Command", 70, o -> o.transfer().command()),
                col("File name", 260, ObjectExporter.FtpObject::suggestedName),
                col("FTP path", 260, o -> o.transfer().path()),
                col("Size", 90, o -> Long.toString(o.transfer().bytes())),
                col("Complete", 80, o -> o.transfer().complete() ? "yes" : "no"),
                col("SHA-256", 480, o -> o.transfer().sha256())));
        Label status = new Label(objects.isEmpty() ? "No transferred files in this capture." : objects.size() + " objects");
        Button saveSelected = new Button("Save Selected…");
        Button saveAll = new Button("Save All…");
        Stage w = new Stage();
        saveSelected.setOnAction(e -> save(w, a, new ArrayList<>(table.getSelectionModel().getSelectedItems()), status));
        saveAll.setOnAction(e -> save(w, a, objects, status));
        saveSelected.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        saveAll.setDisable(objects.isEmpty());
        HBox buttons = new HBox(8, saveSelected, saveAll, status);
        buttons.setPadding(new Insets(8));
        BorderPane bp = new BorderPane(table);
        bp.setBottom(buttons);
        w.initOwner(owner);
        w.setTitle("Export Objects — FTP-DATA");
        w.setScene(new Scene(bp, 1100, 480));
        w.show();
        return w;
    }

    private static void save(Window owner, Analysis a, List<ObjectExporter.FtpObject> objects, Label status) {
        if (objects.isEmpty()) return;
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Save FTP objects into…");
        File dir = dc.showDialog(owner);
        if (dir == null) return;
        int n = 0, holed = 0;
        long filled = 0, unfilled = 0;
        org.ftpscope.report.GapFill fill = new org.ftpscope.report.GapFill();
        for (ObjectExporter.FtpObject o : objects) {
            try {
                // Never over an existing file: a " (2)" name is chosen instead.
                ObjectExporter.Extracted x = ObjectExporter.write(a, o, dir.toPath(), false, fill);
                n++;
                if (x.missingBytes() > 0) holed++;
                filled += x.filledBytes();
                unfilled += x.unfilledBytes();
            } catch (IOException e) {
                error(owner, "Cannot save " + o.suggestedName(), e.getMessage());
                break;
            }
        }
        status.setText(org.ftpscope.report.ExportSummary.text(n, objects.size(), dir.toString(), holed, filled, unfilled));
    }

    private static TableColumn<ObjectExporter.FtpObject, String> col(String name, double width,
                                                                      java.util.function.Function<ObjectExporter.FtpObject, String> f) {
        TableColumn<ObjectExporter.FtpObject, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        return c;
    }

    private static void info(Window owner, String msg) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, msg);
        a.initOwner(owner);
        a.show();
    }

    private static void error(Window owner, String header, String msg) {
        Alert a = new Alert(Alert.AlertType.ERROR, msg);
        a.setHeaderText(header);
        a.initOwner(owner);
        a.show();
    }
}
