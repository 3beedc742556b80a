package app.scantill.journal;

/**
 * A second, different payment was reported for a sale that is already paid. Nothing was written: the
 * sale keeps its first payment, and a person must look at the other one (it is real money and will
 * likely need a refund).
 */
public class ConflictingPaymentException extends JournalException {
    private final String recordedPaymentIntentId;
    private final String offeredPaymentIntentId;

    public ConflictingPaymentException(String saleId, String recordedPaymentIntentId, String offeredPaymentIntentId) {
        super("Sale " + saleId + " is already paid with " + recordedPaymentIntentId
                + "; a second payment " + offeredPaymentIntentId + " was not recorded and needs checking");
        this.recordedPaymentIntentId = recordedPaymentIntentId;
        this.offeredPaymentIntentId = offeredPaymentIntentId;
    }

    public String recordedPaymentIntentId() {
        return recordedPaymentIntentId;
    }

    public String offeredPaymentIntentId() {
        return offeredPaymentIntentId;
    }
}
