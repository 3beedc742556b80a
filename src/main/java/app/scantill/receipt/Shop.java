package app.scantill.receipt;

import java.util.List;
import java.util.Objects;

/**
 * Who issues the receipt, from the settings {@code merchant.name}, {@code shop.address} and {@code shop.tax_id}.
 *
 * @param taxId null when none is set
 */
public record Shop(String name, List<String> addressLines, String taxId) {

    public Shop {
        Objects.requireNonNull(name, "name");
        addressLines = List.copyOf(addressLines);
    }

    /** A shop whose address is written as the setting keeps it: lines separated by newlines. */
    public static Shop of(String name, String address, String taxId) {
        return new Shop(name, address == null ? List.of() : List.of(address.split("\n")), taxId);
    }
}
