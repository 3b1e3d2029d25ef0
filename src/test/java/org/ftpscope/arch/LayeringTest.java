package org.ftpscope.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.ftpscope.report.ReportWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the pipeline one-way, JavaFX out of the headless core, and each report format on its own. */
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
                        "org.ftpscope.ftp..", "org.ftpscope.present..", "org.ftpscope.report..", "org.ftpscope.ui..", "org.ftpscope.cli..")
                .check(classes);
    }

    @Test
    void fieldDeclarationsDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.ftpscope.fields..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.capture..", "org.ftpscope.decode..",
                        "org.ftpscope.tcp..", "org.ftpscope.ftp..", "org.ftpscope.filter..", "org.ftpscope.report..",
                        "org.ftpscope.ui..", "org.ftpscope.cli..")
                .check(classes);
    }

    @Test
    void decodeDoesNotLookDownstream() {
        noClasses().that().resideInAPackage("org.ftpscope.decode..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.tcp..", "org.ftpscope.ftp..",
                        "org.ftpscope.present..", "org.ftpscope.report..", "org.ftpscope.ui..", "org.ftpscope.cli..")
                .check(classes);
    }

    @Test
    void tcpDoesNotLookDownstream() {
        noClasses().that().resideInAPackage("org.ftpscope.tcp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.ftp..", "org.ftpscope.present..", "org.ftpscope.report..",
                        "org.ftpscope.ui..")
                .check(classes);
    }

    @Test
    void analysisDoesNotDependOnPresentation() {
        noClasses().that().resideInAPackage("org.ftpscope.ftp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.present..", "org.ftpscope.report..", "org.ftpscope.ui..",
                        "org.ftpscope.cli..")
                .check(classes);
    }

    /** What the app and the reports share knows no format: a format depends on it, never the reverse. */
    @Test
    void presentKnowsNoFormatNorFrontEnd() {
        noClasses().that().resideInAPackage("org.ftpscope.present..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.report..", "org.ftpscope.ui..",
                        "org.ftpscope.cli..")
                .check(classes);
    }

    /** Formats only format: what two of them share lives in present or in a shared helper, not in a format. */
    @Test
    void formatsNeverUseEachOther() {
        classes().that().implement(ReportWriter.class).should(new ArchCondition<JavaClass>("not depend on another report format") {
            @Override
            public void check(JavaClass format, ConditionEvents events) {
                for (JavaClass member : classes) {
                    if (!member.equals(format) && !member.getName().startsWith(format.getName() + "$")) continue;
                    for (Dependency d : member.getDirectDependenciesFromSelf()) {
                        JavaClass target = d.getTargetClass();
                        String owner = target.getName().replaceFirst("\\$.*", "");
                        if (!owner.equals(format.getName()) && target.isAssignableTo(ReportWriter.class)
                                && !target.getName().equals(ReportWriter.class.getName())) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                }
            }
        }).check(classes);
    }

    /**
     * The formats are listed once: the app's export and {@code report} pick from that list rather
     * than naming a format ({@code analyze --json} writes its one document directly).
     */
    @Test
    void reportFrontEndsReachFormatsThroughTheRegistry() {
        noClasses().that().resideInAPackage("org.ftpscope.ui..").or().haveSimpleName("ReportCommand")
                .should().dependOnClassesThat(JavaClass.Predicates.assignableTo(ReportWriter.class)
                        .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(ReportWriter.class))))
                .check(classes);
    }
}
