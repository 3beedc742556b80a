package app.scantill.ui.refund;

import app.scantill.i18n.Message;
import app.scantill.sale.Sale;
import app.scantill.ui.Theme;
import app.scantill.ui.receipt.AfterSale;
import app.scantill.ui.receipt.ReceiptWindow;
import app.scantill.ui.support.UiExecutor;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the refund window of a paid sale on a stage of its own; closing it stops its listening. */
public final class RefundWindow {

    private RefundWindow() {
    }

    /** @param onChanged runs after each refund that settled (e.g. the history reloads the sale) */
    public static Stage open(Window owner, AfterSale desk, UiExecutor executor, Sale sale, Runnable onChanged) {
        RefundViewModel model = new RefundViewModel(desk, executor, sale);
        model.setOnChanged(onChanged);
        RefundView view = new RefundView(model);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(desk.words().text(Message.of("refund.dialog.title", sale.id())));
        Scene scene = new Scene(view.root(), 720, 620);
        Theme.applyTo(scene);
        stage.setScene(scene);
        view.setOnClose(stage::close);
        view.setOnSlip(refundId -> executor.submit(() -> desk.journal().find(sale.id()).orElse(sale),
                latest -> ReceiptWindow.open(stage, desk, executor, latest, refundId), failure -> { }));
        stage.setOnHidden(e -> model.dispose());
        stage.show();
        model.load();
        return stage;
    }
}
