package app.scantill.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SandboxArchitectureTest {

    private final JavaClasses sandbox = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.scantill.sandbox");

    @Test
    void sandboxRunsWithoutJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(sandbox);
    }

    @Test
    void sandboxServerDoesNotUseTheStripeSdkItImitates() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.stripe..").check(sandbox);
    }
}
