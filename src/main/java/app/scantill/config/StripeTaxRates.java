package app.scantill.config;

import app.scantill.money.TaxRate;
import app.scantill.text.Texts;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The owner's Stripe tax rates for the till's rates (setting {@code tax.stripe_rates}, e.g.
 * {@code 19=txr_123,7=txr_456}): a Checkout line whose rate is mapped carries that tax rate id, a line whose rate is
 * not mapped carries none. Each id must be an inclusive tax rate of the same percentage in the owner's Stripe account
 * (docs/taxes.md); the till cannot check that without a call to Stripe, so it checks the form only.
 */
public record StripeTaxRates(Map<TaxRate, String> ids) {

    public StripeTaxRates {
        ids = Collections.unmodifiableMap(new TreeMap<>(ids));
    }

    /** The Stripe tax rate id for {@code rate}, if the owner mapped it. */
    public Optional<String> idFor(TaxRate rate) {
        return Optional.ofNullable(ids.get(rate));
    }

    /**
     * Reads {@code RATE=txr_ID} pairs separated by commas (or semicolons).
     *
     * @throws SettingRefusal naming the first pair that is not a percentage and a {@code txr_} id, a rate given twice,
     *     or an id given to two rates
     */
    public static StripeTaxRates parse(String text) {
        Map<TaxRate, String> ids = new TreeMap<>();
        for (String pair : text.split("[,;]")) {
            String p = pair.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            Optional<TaxRate> rate = eq < 0 ? Optional.empty() : TaxRate.parsePercent(p.substring(0, eq));
            String id = eq < 0 ? "" : p.substring(eq + 1).strip();
            if (rate.isEmpty() || !id.matches("txr_[A-Za-z0-9]{1,250}")) {
                throw SettingRefusal.of("config.refused.stripe_tax_rate", Texts.abbreviate(p, 60));
            }
            if (ids.putIfAbsent(rate.get(), id) != null) {
                throw SettingRefusal.of("config.refused.stripe_tax_rate_twice", rate.get().percentText());
            }
            if (ids.values().stream().filter(id::equals).count() > 1) {
                // A Stripe tax rate has one percentage: two of the till's rates cannot both be it.
                throw SettingRefusal.of("config.refused.stripe_tax_rate_shared", id);
            }
        }
        if (ids.isEmpty()) {
            throw SettingRefusal.of("config.refused.stripe_tax_rate", Texts.abbreviate(text.strip(), 60));
        }
        return new StripeTaxRates(ids);
    }

    /** The mapped Stripe ids with their rates in basis points (what a sandbox playing the account must know). */
    public Map<String, Integer> basisPointsById() {
        return ids.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getValue,
                e -> e.getKey().basisPoints()));
    }

    /** As the setting writes it: {@code 7=txr_456,19=txr_123}. */
    public String written() {
        return ids.entrySet().stream().map(e -> e.getKey().percentText() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
