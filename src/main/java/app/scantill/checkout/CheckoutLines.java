package app.scantill.checkout;

import app.scantill.money.CurrencyFacts;
import app.scantill.money.Money;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.SaleLine;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Checkout line items of a sale's lines, discounts included, with no negative amount and adding up to what
 * the customer pays, exactly (ADR 0170). A discounted line becomes a line whose {@code unit_amount} is its
 * charged amount divided by its quantity; when that does not divide evenly, two lines: {@code r} units at one
 * step more and the rest at the lower amount ({@code r} the remainder), so {@code sum(unit_amount x quantity)} is
 * the line's charged amount. Should that take a sale over Stripe's 100 line items, the last such lines are sent as
 * one item of quantity 1 for their whole amount instead. A discounted line's name shows its list
 * and its discounted unit price, written for the payment page's language.
 */
final class CheckoutLines {

    private CheckoutLines() {
    }

    /**
     * @param checkoutLocale the payment page's language as journaled in the attempt's key ({@code de},
     *     {@code auto}, ...); empty or {@code auto}: amounts written without a language's habits
     * @param taxRateId the Stripe tax rate id a line's rate is mapped to, or null for none; both halves of a split
     *     line carry it
     */
    static List<CheckoutRequest.Line> of(Currency currency, List<SaleLine> lines, Optional<String> checkoutLocale,
            Function<SaleLine, String> taxRateId) {
        long step = CurrencyFacts.isThreeDecimal(currency) ? 10 : 1;
        int room = SaleLine.MAX_PER_SALE - lines.size();
        Prices prices = new Prices(currency, checkoutLocale);
        List<CheckoutRequest.Line> items = new ArrayList<>();
        for (SaleLine line : lines) {
            String rateId = taxRateId.apply(line);
            if (line.discountMinor() == 0) {
                items.add(new CheckoutRequest.Line(line.name(), line.unitAmountMinor(), line.quantity(), rateId));
            } else if (!needsSplit(line, step)) {
                long unit = line.chargedMinor() / line.quantity();
                items.add(new CheckoutRequest.Line(prices.name(line, unit), unit, line.quantity(), rateId));
            } else if (room > 0) {
                room--;
                long units = line.chargedMinor() / step;
                long lower = units / line.quantity() * step;
                long higherCount = units % line.quantity();
                items.add(new CheckoutRequest.Line(prices.name(line, lower + step), lower + step, higherCount, rateId));
                items.add(new CheckoutRequest.Line(prices.name(line, lower), lower, line.quantity() - higherCount,
                        rateId));
            } else {
                // Over Stripe's 100 items with every split: this line goes as one item for its whole amount.
                items.add(new CheckoutRequest.Line(prices.name(line, -1), line.chargedMinor(), 1, rateId));
            }
        }
        return List.copyOf(items);
    }

    private static boolean needsSplit(SaleLine line, long step) {
        return line.discountMinor() != 0 && (line.chargedMinor() / step) % line.quantity() != 0;
    }

    /** Prices written as the payment page's reader writes them. */
    private static final class Prices {
        private final Currency currency;
        private final Optional<MoneyFormat> format;

        Prices(Currency currency, Optional<String> checkoutLocale) {
            this.currency = currency;
            this.format = checkoutLocale.filter(l -> !CheckoutLocale.AUTO.equals(l))
                    .map(l -> new MoneyFormat(Locale.forLanguageTag(l)));
        }

        /** "Espresso (2,50 € → 2,26 €)"; with {@code unit} below 0, for the whole line: "Espresso (3 × 2,50 € → 6,78 €)". */
        String name(SaleLine line, long unit) {
            String was = text(line.unitAmountMinor());
            String now = unit < 0 ? text(line.chargedMinor()) : text(unit);
            String suffix = unit < 0 ? " (" + line.quantity() + " × " + was + " → " + now + ")"
                    : " (" + was + " → " + now + ")";
            String name = line.name();
            int max = CheckoutRequestFactory.MAX_NAME_LENGTH - suffix.length() - 8;
            return (name.length() > max ? name.substring(0, max) : name) + suffix;
        }

        private String text(long minor) {
            Money money = Money.of(minor, currency);
            return format.map(f -> f.format(money)).orElseGet(() -> MoneyFormat.plain(money) + " "
                    + currency.getCurrencyCode());
        }
    }
}
