package app.scantill.receipt;

import app.scantill.money.TaxRounding;
import java.util.List;
import java.util.Objects;

/**
 * Who issues the receipt, from the settings {@code merchant.name}, {@code shop.address} and {@code shop.tax_id}, and
 * how the shop rounds the tax included in its prices ({@code tax.rounding}).
 *
 * @param taxId null when none is set
 */
public record Shop(String name, List<String> addressLines, String taxId, TaxRounding taxRounding) {

    public Shop {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(taxRounding, "taxRounding");
        addressLines = List.copyOf(addressLines);
    }

    /** A shop rounding tax per line, the setting's default. */
    public Shop(String name, List<String> addressLines, String taxId) {
        this(name, addressLines, taxId, TaxRounding.PER_LINE);
    }

    /** A shop whose address is written as the setting keeps it: lines separated by newlines. */
    public static Shop of(String name, String address, String taxId) {
        return of(name, address, taxId, TaxRounding.PER_LINE);
    }

    public static Shop of(String name, String address, String taxId, TaxRounding taxRounding) {
        return new Shop(name, address == null ? List.of() : List.of(address.split("\n")), taxId, taxRounding);
    }
}
