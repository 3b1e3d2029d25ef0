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
import org.ftpscope.ui.model.FxTaskExecutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    /**
     * View models hold state as properties and are tested without a display: of JavaFX they may
     * use only beans, collections and concurrency, never a scene graph, a stage or the toolkit.
     * {@code FxTaskExecutor} hands results to the FX thread through {@code Platform.runLater}: it
     * alone may also use {@code javafx.application}.
     */
    static ArchRule viewModelsUseOnlyFxProperties() {
        DescribedPredicate<JavaClass> otherJavaFx = new DescribedPredicate<>(
                "JavaFX outside javafx.beans, javafx.collections, javafx.concurrent") {
            @Override
            public boolean test(JavaClass c) {
                String p = c.getPackageName();
                boolean fx = p.startsWith("javafx.") || p.startsWith("org.controlsfx") || p.startsWith("com.sun.javafx");
                return fx && !(p.startsWith("javafx.beans") || p.startsWith("javafx.collections") || p.startsWith("javafx.concurrent"));
            }
        };
        return noClasses().that().resideInAPackage("org.ftpscope.ui.model..").and().doNotBelongToAnyOf(FxTaskExecutor.class)
                .should().dependOnClassesThat(otherJavaFx)
                .because("view models are unit-tested without a display (issue 19)");
    }

    @Test
    void viewModelsUseNoSceneGraph() {
        viewModelsUseOnlyFxProperties().check(classes);
        // FxTaskExecutor: Platform.runLater and nothing else of the toolkit.
        noClasses().that().belongToAnyOf(FxTaskExecutor.class)
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.embed..")
                .check(classes);
    }

    /** The rule above catches a view model that touches a scene class (a class in the test tree does). */
    @Test
    void theViewModelRuleCanFail() {
        JavaClasses bad = new ClassFileImporter().importClasses(org.ftpscope.ui.model.ArchRuleProbe.class);
        assertThrows(AssertionError.class, () -> viewModelsUseOnlyFxProperties().check(bad));
    }

    /** The views depend on their view models, never the other way round. */
    @Test
    void viewModelsDoNotKnowTheViews() {
        noClasses().that().resideInAPackage("org.ftpscope.ui.model..")
                .should().dependOnClassesThat().resideInAPackage("org.ftpscope.ui")
                .check(classes);
    }

    @Test
    void captureDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.ftpscope.capture..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.decode..", "org.ftpscope.tcp..",
                        "org.ftpscope.ftp..", "org.ftpscope.analysis..", "org.ftpscope.present..", "org.ftpscope.report..", "org.ftpscope.ui..", "org.ftpscope.cli..")
                .check(classes);
    }

    @Test
    void fieldDeclarationsDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.ftpscope.fields..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.capture..", "org.ftpscope.decode..",
                        "org.ftpscope.tcp..", "org.ftpscope.ftp..", "org.ftpscope.analysis..", "org.ftpscope.filter..", "org.ftpscope.present..", "org.ftpscope.report..",
                        "org.ftpscope.ui..", "org.ftpscope.cli..")
                .check(classes);
    }

    @Test
    void decodeDoesNotLookDownstream() {
        noClasses().that().resideInAPackage("org.ftpscope.decode..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.tcp..", "org.ftpscope.ftp..",
                        "org.ftpscope.analysis..", "org.ftpscope.present..", "org.ftpscope.report..", "org.ftpscope.ui..", "org.ftpscope.cli..")
                .check(classes);
    }

    /**
     * A link layer is one class that reads its header and builds its tree nodes: it needs the frame's
     * decoded fields, the tree, the field declarations and byte reads, nothing of the pipeline.
     */
    @Test
    void linkLayersUseOnlyDecodeBasics() {
        classes().that().resideInAPackage("org.ftpscope.decode.link..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..", "org.ftpscope.decode.link..",
                                "org.ftpscope.fields..", "org.pcap4j..")
                        // a warning, and the limit it names (UndecodedFrames: frames past IP_TUNNELS)
                        .or(JavaClass.Predicates.belongToAnyOf(org.ftpscope.capture.CaptureWarning.class, org.ftpscope.capture.Limit.class))
                        .or(JavaClass.Predicates.belongToAnyOf(org.ftpscope.decode.PacketInfo.class, org.ftpscope.decode.DetailNode.class,
                                org.ftpscope.decode.Bytes.class, org.ftpscope.decode.PacketDecoder.class)))
                .check(classes);
    }

    @Test
    void tcpDoesNotLookDownstream() {
        noClasses().that().resideInAPackage("org.ftpscope.tcp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.ftp..", "org.ftpscope.analysis..", "org.ftpscope.present..",
                        "org.ftpscope.report..", "org.ftpscope.ui..")
                .check(classes);
    }

    /** The FTP layer knows neither the pass that drives it nor anything that shows its results. */
    @Test
    void ftpDoesNotLookDownstream() {
        noClasses().that().resideInAPackage("org.ftpscope.ftp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.analysis..", "org.ftpscope.filter..",
                        "org.ftpscope.fields..", "org.ftpscope.present..", "org.ftpscope.report..", "org.ftpscope.ui..",
                        "org.ftpscope.cli..")
                .check(classes);
    }

    @Test
    void analysisDoesNotDependOnPresentation() {
        noClasses().that().resideInAPackage("org.ftpscope.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.filter..", "org.ftpscope.present..",
                        "org.ftpscope.report..", "org.ftpscope.ui..", "org.ftpscope.cli..")
                .check(classes);
    }

    /** The FTP values depend on no other part of ftp: parsers make them, state builds them, rules read them. */
    @Test
    void ftpModelDependsOnNoOtherPartOfFtp() {
        noClasses().that().resideInAPackage("org.ftpscope.ftp.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.ftp.parse..", "org.ftpscope.ftp.session..",
                        "org.ftpscope.ftp.findings..", "org.ftpscope.tls..")
                .check(classes);
    }

    /** Parsers are pure: text in, model values out; they keep no session and raise no finding. */
    @Test
    void ftpParsersKnowOnlyTheModel() {
        noClasses().that().resideInAPackage("org.ftpscope.ftp.parse..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.ftp.session..", "org.ftpscope.ftp.findings..",
                        "org.ftpscope.tcp..", "org.ftpscope.tls..")
                .check(classes);
    }

    /** Finding rules read the finished facts, never the state being built while the capture is read. */
    static ArchRule findingRulesReadFacts() {
        return noClasses().that().resideInAPackage("org.ftpscope.ftp.findings..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ftpscope.ftp.session..", "org.ftpscope.tls..");
    }

    @Test
    void findingRulesReadFactsNotState() {
        findingRulesReadFacts().check(classes);
    }

    /** The rule above catches a class in ftp.findings that reaches into ftp.session (a class in the test tree does). */
    @Test
    void theFindingsRuleCanFail() {
        JavaClasses bad = new ClassFileImporter().importClasses(org.ftpscope.ftp.findings.LayerRuleProbe.class);
        assertThrows(AssertionError.class, () -> findingRulesReadFacts().check(bad));
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
