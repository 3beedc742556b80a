package app.scantill.ui.receipt;

import app.scantill.i18n.Message;
import app.scantill.receipt.Paper;
import app.scantill.receipt.Receipt;
import app.scantill.receipt.ReceiptBlock;
import app.scantill.receipt.ReceiptLayout;
import app.scantill.receipt.ReceiptPdf;
import app.scantill.refund.RefundService;
import app.scantill.sale.Refund;
import app.scantill.sale.Sale;
import app.scantill.ui.support.UiExecutor;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A receipt or refund slip on screen: it reads the sale's refunds from the journal and the hosted receipt's
 * URL from Stripe (both in the background), lays the receipt out for the chosen paper, and prints it or
 * saves it as a PDF. The laid-out blocks are what the preview, the printer and the PDF all show.
 */
public final class ReceiptViewModel {

    private final AfterSale desk;
    private final UiExecutor executor;
    private final Sale sale;
    private final String slipOf;

    private final ObjectProperty<Paper> paper = new SimpleObjectProperty<>(this, "paper");
    private final ReadOnlyObjectWrapper<List<ReceiptBlock>> blocks = new ReadOnlyObjectWrapper<>(this, "blocks", List.of());
    private final ReadOnlyStringWrapper receiptUrl = new ReadOnlyStringWrapper(this, "receiptUrl");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private List<Refund> refunds = List.of();
    /** What was tendered and given back, for a sale paid in cash. */
    private app.scantill.sale.CashTender cash;

    /**
     * @param slipOf the refund id for a refund slip, or null for the sale's receipt
     */
    public ReceiptViewModel(AfterSale desk, UiExecutor executor, Sale sale, String slipOf) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.sale = Objects.requireNonNull(sale, "sale");
        this.slipOf = slipOf;
        paper.set(desk.paper());
        paper.addListener((o, was, now) -> layOut());
    }

    /** Reads the refunds and the hosted receipt's URL, then lays the receipt out; the preview follows. */
    public void load() {
        busy.set(true);
        message.set(desk.words().text(Message.of("receipt.dialog.looking_up")));
        executor.submit(() -> new Loaded(desk.refundRecords().refunds(sale.id()), url(),
                desk.journal().cashTender(sale.id())), loaded -> {
            busy.set(false);
            refunds = loaded.refunds();
            cash = loaded.cash().orElse(null);
            receiptUrl.set(loaded.url().orElse(null));
            message.set(loaded.url().isPresent() ? "" : desk.words().text(Message.of("receipt.dialog.no_link")));
            layOut();
        }, failure -> {
            busy.set(false);
            message.set(String.valueOf(failure.getMessage()));
            layOut();
        });
    }

    /** Writes the PDF to {@code target} in the background (through a temporary file beside it). */
    public void savePdf(Path target) {
        List<ReceiptBlock> current = blocks.get();
        Paper on = paper.get();
        busy.set(true);
        executor.submit(() -> {
            Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".receipt", ".pdf");
            try {
                ReceiptPdf.Written written;
                try (OutputStream out = Files.newOutputStream(temp)) {
                    written = ReceiptPdf.write(current, on, title(), out);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                return written;
            } finally {
                Files.deleteIfExists(temp);
            }
        }, written -> {
            busy.set(false);
            String saved = desk.words().text(Message.of("receipt.dialog.saved", target.getFileName().toString()));
            message.set(written.missingGlyphs()
                    ? saved + " " + desk.words().text(Message.of("receipt.dialog.missing_glyphs")) : saved);
        }, failure -> {
            busy.set(false);
            message.set(desk.words().text(Message.of("receipt.dialog.save_failed", String.valueOf(failure.getMessage()))));
        });
    }

    /** Says how printing went (the view prints: printing needs the node on screen's thread). */
    public void printed(Message outcome) {
        message.set(desk.words().text(outcome));
    }

    /** A file name for the PDF, e.g. {@code receipt-S-20260803-0915-K3F9QZ.pdf}. */
    public String suggestedFileName() {
        return (slipOf == null ? "receipt-" + sale.id() : "refund-" + slipOf) + ".pdf";
    }

    public String title() {
        return desk.words().text(slipOf == null ? Message.of("receipt.dialog.title", sale.id())
                : Message.of("receipt.title.refund"));
    }

    public ObjectProperty<Paper> paperProperty() {
        return paper;
    }

    public ReadOnlyObjectProperty<List<ReceiptBlock>> blocksProperty() {
        return blocks.getReadOnlyProperty();
    }

    /** The hosted receipt the QR code carries; null while unknown. */
    public ReadOnlyStringProperty receiptUrlProperty() {
        return receiptUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public AfterSale desk() {
        return desk;
    }

    private record Loaded(List<Refund> refunds, Optional<String> url, Optional<app.scantill.sale.CashTender> cash) {
    }

    private Optional<String> url() {
        Optional<RefundService> service = desk.refunds();
        if (service.isEmpty() || sale.paymentIntentId() == null) {
            return Optional.empty();
        }
        try {
            return service.get().receiptUrl(sale.paymentIntentId());
        } catch (app.scantill.checkout.GatewayException e) {
            // Without Stripe's link the receipt is still complete, only without its QR code.
            return Optional.empty();
        }
    }

    private void layOut() {
        ReceiptLayout layout = new ReceiptLayout(desk.words());
        Receipt receipt;
        Optional<Refund> slip = refunds.stream().filter(r -> r.id().equals(slipOf)).findFirst();
        if (slipOf != null && slip.isPresent()) {
            receipt = Receipt.refundSlip(desk.shop(), sale, slip.get(), receiptUrl.get());
        } else if (cash != null) {
            receipt = Receipt.ofCashSale(desk.shop(), sale, cash);
        } else {
            receipt = Receipt.ofSale(desk.shop(), sale, refunds, receiptUrl.get());
        }
        blocks.set(layout.lay(receipt));
    }
}
