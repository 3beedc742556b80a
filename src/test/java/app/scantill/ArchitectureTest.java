package app.scantill;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape of ScanTill, as rules: layers that depend downwards only, no package cycles, the
 * domain and services usable without a screen, stripe-java behind one adapter.
 */
class ArchitectureTest {

    private static final String[] NON_UI_PACKAGES = {
        "app.scantill.till..", "app.scantill.checkout..", "app.scantill.refund..", "app.scantill.receipt..",
        "app.scantill.stripe..", "app.scantill.sandbox..", "app.scantill.journal..", "app.scantill.ledger..",
        "app.scantill.watcher..", "app.scantill.cart..", "app.scantill.catalog..", "app.scantill.qr..",
        "app.scantill.sale..", "app.scantill.money..", "app.scantill.config..", "app.scantill.text..",
        "app.scantill.i18n.."
    };

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.scantill");

    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("App").definedBy("app.scantill.app..")
                .layer("UI").definedBy("app.scantill.ui..")
                .layer("Till").definedBy("app.scantill.till..")
                .layer("Flow").definedBy("app.scantill.checkout..", "app.scantill.watcher..", "app.scantill.refund..")
                .layer("Adapters").definedBy("app.scantill.stripe..", "app.scantill.sandbox..")
                .layer("Storage").definedBy("app.scantill.journal..", "app.scantill.ledger..")
                .layer("Domain").definedBy("app.scantill.cart..", "app.scantill.catalog..", "app.scantill.qr..",
                        "app.scantill.receipt..")
                .layer("Values").definedBy("app.scantill.sale..", "app.scantill.money..", "app.scantill.config..",
                        "app.scantill.text..", "app.scantill.i18n..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("UI").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Till").mayOnlyBeAccessedByLayers("App", "UI")
                .whereLayer("Flow").mayOnlyBeAccessedByLayers("App", "UI", "Till", "Adapters")
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("App", "Till")
                .whereLayer("Storage").mayOnlyBeAccessedByLayers("App", "UI", "Till", "Flow")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("App", "UI", "Till", "Flow", "Storage")
                .because("the window sits on the till, the till on the charge flow and its adapters, and the "
                        + "flow on storage and the domain: a change below never needs a change above")
                .check(classes);
    }

    @Test
    void noPackageCyclesAnywhere() {
        slices().matching("app.scantill.(**)").should().beFreeOfCycles()
                .because("a cycle makes two packages one, and neither can be understood or tested alone")
                .check(classes);
    }

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
                .should().dependOnClassesThat().resideInAnyPackage("app.scantill.ui..", "app.scantill.app..")
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
    void onlyTheStripeAdapterSpeaksStripeSdk() {
        noClasses().that().resideOutsideOfPackage("app.scantill.stripe..")
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
