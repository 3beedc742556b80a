package app.scantill.checkout;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ChargeArchitectureTest {

    @Test
    void chargeFlowAndQrEncodingNeverTouchJavaFx() {
        noClasses().that().resideInAnyPackage("app.scantill.checkout..", "app.scantill.qr..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("app.scantill"));
    }
}
