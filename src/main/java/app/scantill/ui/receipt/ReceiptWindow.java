package app.scantill.ui.receipt;

import app.scantill.i18n.Message;
import app.scantill.sale.Sale;
import app.scantill.ui.Theme;
import app.scantill.ui.support.UiExecutor;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the receipt window of a sale (or the slip of one of its refunds) on a stage of its own. */
public final class ReceiptWindow {

    private ReceiptWindow() {
    }

    /**
     * @param slipOf a refund id for its refund slip, or null for the sale's receipt
     */
    public static Stage open(Window owner, AfterSale desk, UiExecutor executor, Sale sale, String slipOf,
            ReceiptPrinter printer, ReceiptView.PdfTargetChooser chooser) {
        ReceiptViewModel model = new ReceiptViewModel(desk, executor, sale, slipOf);
        ReceiptView view = new ReceiptView(model, printer, chooser);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(slipOf == null ? desk.words().text(Message.of("receipt.dialog.title", sale.id()))
                : desk.words().text(Message.of("receipt.refund", slipOf)));
        Scene scene = new Scene(view.root(), 720, 820);
        Theme.applyTo(scene);
        stage.setScene(scene);
        view.setOnClose(stage::close);
        stage.show();
        model.load();
        return stage;
    }

    public static Stage open(Window owner, AfterSale desk, UiExecutor executor, Sale sale, String slipOf) {
        return open(owner, desk, executor, sale, slipOf, ReceiptPrinter.system(), ReceiptView::chooseWithFileChooser);
    }
}
