package app.scantill;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the domain and service packages usable without a screen, so they stay testable headless. */
class ArchitectureTest {

    private static final String[] NON_UI_PACKAGES = {
        "app.scantill.money..", "app.scantill.catalog..", "app.scantill.cart..", "app.scantill.checkout..",
        "app.scantill.journal..", "app.scantill.sandbox..", "app.scantill.qr..", "app.scantill.config.."
    };

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.scantill");

    @Test
    void nonUiPackagesDoNotUseJavaFx() {
        noClasses().that().resideInAnyPackage(NON_UI_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("domain and service code must run and be tested without a display")
                .check(classes);
    }

    @Test
    void nonUiPackagesDoNotDependOnTheUi() {
        noClasses().that().resideInAnyPackage(NON_UI_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage("app.scantill.ui..")
                .because("dependencies point from the UI to the services, never back")
                .check(classes);
    }

    @Test
    void sandboxDoesNotUseTheStripeSdkItImitates() {
        noClasses().that().resideInAPackage("app.scantill.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("com.stripe..")
                .because("a sandbox built from the SDK's own classes would agree with the SDK's bugs, not Stripe")
                .check(classes);
    }

    @Test
    void onlyTheGatewaySpeaksStripeSdk() {
        noClasses().that().resideOutsideOfPackage("app.scantill.checkout..")
                .should().dependOnClassesThat().resideInAPackage("com.stripe..")
                .because("stripe-java types stay behind CheckoutGateway, so the flow and the UI are SDK-free")
                .check(classes);
    }

    @Test
    void onlyUiSupportTouchesTheFxThreadDirectly() {
        noClasses().that().resideOutsideOfPackage("app.scantill.ui.support..")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("ui.support is the one place that hands work to the JavaFX thread")
                .check(classes);
    }
}
