package org.ftpscope.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the pipeline one-way and JavaFX out of the headless core. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ftpscope");
    }

    @Test
    void javafxOnlyInUi() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.ftpscope.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");
        rule.check(classes);
    }

    @Test
    void captureDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.ftpscope.capture..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.decode..", "org.ftpscope.tcp..",
                        "org.ftpscope.ftp..", "org.ftpscope.report..", "org.ftpscope.ui..", "org.ftpscope.cli..")
                .check(classes);
    }

    @Test
    void decodeDoesNotLookDownstream() {
        noClasses().that().resideInAPackage("org.ftpscope.decode..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.tcp..", "org.ftpscope.ftp..",
                        "org.ftpscope.report..", "org.ftpscope.ui..", "org.ftpscope.cli..")
                .check(classes);
    }

    @Test
    void tcpDoesNotLookDownstream() {
        noClasses().that().resideInAPackage("org.ftpscope.tcp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.ftp..", "org.ftpscope.report..",
                        "org.ftpscope.ui..")
                .check(classes);
    }

    @Test
    void analysisDoesNotDependOnPresentation() {
        noClasses().that().resideInAPackage("org.ftpscope.ftp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.report..", "org.ftpscope.ui..",
                        "org.ftpscope.cli..")
                .check(classes);
    }
}
