package org.ftpscope.ftp.findings;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A rule class that is not in {@link FindingRules#ALL} would never run: every one is listed, once. */
class FindingRulesTest {
    @Test
    void everyRuleClassIsRegisteredOnce() {
        Set<String> declared = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ftpscope").stream()
                .filter(c -> c.isAssignableTo(FindingRule.class) && !c.isInterface())
                .map(JavaClass::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        List<String> registered = FindingRules.ALL.stream().map(r -> r.getClass().getSimpleName()).toList();
        assertEquals(declared, new TreeSet<>(registered));
        assertEquals(registered.size(), Set.copyOf(registered).size(), "a rule listed twice: " + registered);
        assertEquals(List.of("CleartextCredentialsRule", "LoginFailedRule", "SetupAddressRule", "DataConnectionHijackRule",
                "DataConnectionRule", "TransferRule", "BruteForceRule", "BounceScanRule", "DataChannelFloodRule",
                "DataConnectionsNotCapturedRule", "ServerUnreachableRule", "OneDirectionRule", "EncryptedSessionDataRule", "CutControlChannelRule",
                "OrphanDataConnectionRule", "CaptureTruncatedRule"), registered);
    }
}
