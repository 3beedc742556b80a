package app.scantill.ui.receipt;

import app.scantill.config.ManagerPin;
import app.scantill.i18n.Translator;
import app.scantill.journal.RefundRecords;
import app.scantill.journal.SalesJournal;
import app.scantill.receipt.Paper;
import app.scantill.receipt.Shop;
import app.scantill.refund.RefundService;
import java.util.Objects;
import java.util.Optional;

/**
 * What the screens after a sale need (History's Refund and Receipt, the Paid screen's receipt): the journal,
 * the refunds to show, the refund service, whether refunds are allowed here and behind which PIN, the shop and
 * paper of the receipts, and the reader's language.
 *
 * @param refundRecords the refunds of a sale to show: every register's while a store ledger answers, this till's
 *     own otherwise
 * @param refunds empty when refunds cannot be made (payments unavailable)
 * @param refundsAllowed false in kiosk mode
 * @param managerPin the PIN asked before a refund, when one is set
 * @param printOnPaid print the receipt as soon as a sale is paid
 */
public record AfterSale(SalesJournal journal, RefundRecords refundRecords, Optional<RefundService> refunds,
        boolean refundsAllowed, Optional<ManagerPin> managerPin, Shop shop, Paper paper, boolean printOnPaid,
        Translator words) {

    public AfterSale {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(refundRecords, "refundRecords");
        Objects.requireNonNull(refunds, "refunds");
        Objects.requireNonNull(managerPin, "managerPin");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(words, "words");
    }
}
