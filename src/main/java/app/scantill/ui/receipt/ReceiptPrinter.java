package app.scantill.ui.receipt;

import app.scantill.i18n.Message;
import javafx.print.PageLayout;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.transform.Scale;
import javafx.stage.Window;

/**
 * Prints a receipt node through JavaFX printing, on any installed printer (a thermal receipt printer
 * through its system driver): scaled down to the printable width when the page is narrower than the
 * column, never up. Answers with a sentence for the cashier.
 */
public interface ReceiptPrinter {

    /**
     * Prints {@code receipt}; with {@code ask} the system's print dialog comes first (JavaFX thread only),
     * without it the default printer is used.
     */
    Message print(Node receipt, Window owner, boolean ask);

    /** The system's printers. */
    static ReceiptPrinter system() {
        return (receipt, owner, ask) -> {
            if (Printer.getDefaultPrinter() == null && Printer.getAllPrinters().isEmpty()) {
                return Message.of("receipt.dialog.no_printer");
            }
            PrinterJob job = PrinterJob.createPrinterJob();
            if (job == null) {
                return Message.of("receipt.dialog.no_printer");
            }
            if (ask && !job.showPrintDialog(owner)) {
                job.cancelJob();
                return Message.of("receipt.dialog.print_failed", "cancelled");
            }
            PageLayout page = job.getJobSettings().getPageLayout();
            double width = receipt.getBoundsInParent().getWidth();
            double fit = width > page.getPrintableWidth() ? page.getPrintableWidth() / width : 1;
            Scale scale = new Scale(fit, fit);
            receipt.getTransforms().add(scale);
            try {
                if (job.printPage(receipt) && job.endJob()) {
                    return Message.of("receipt.dialog.printed", job.getPrinter().getName());
                }
                return Message.of("receipt.dialog.print_failed", String.valueOf(job.getJobStatus()));
            } finally {
                receipt.getTransforms().remove(scale);
            }
        };
    }
}
