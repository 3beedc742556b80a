package app.scantill.config;

import app.scantill.money.TaxRate;
import app.scantill.money.TaxRounding;
import app.scantill.text.Texts;

/** The kinds of value the tax settings take (docs/taxes.md), beside {@link SettingTypes}. */
final class TaxSettingTypes {

    private TaxSettingTypes() {
    }

    /** A percentage as {@link TaxRate#parsePercent} reads it: {@code 19}, {@code 7.7}, {@code 0}. */
    static SettingType<TaxRate> taxRate() {
        return new Written<>("a percentage from 0 to 100, at most two decimals (19, 7.7)") {
            @Override
            public TaxRate parse(String text, UserEnvironment where) {
                return TaxRate.parsePercent(text).orElseThrow(() -> SettingRefusal.of("config.refused.tax_rate",
                        Texts.abbreviate(text.strip(), 60)));
            }

            @Override
            public String format(TaxRate value) {
                return value.percentText();
            }
        };
    }

    static SettingType<TaxRounding> taxRounding() {
        return new Written<>("per_line or per_receipt") {
            @Override
            public TaxRounding parse(String text, UserEnvironment where) {
                return TaxRounding.parse(text).orElseThrow(() -> SettingRefusal.of("config.refused.tax_rounding",
                        Texts.abbreviate(text.strip(), 60)));
            }

            @Override
            public String format(TaxRounding value) {
                return value.written();
            }
        };
    }

    static SettingType<StripeTaxRates> stripeTaxRates() {
        return new Written<>("RATE=txr_ID pairs separated by commas (19=txr_123,7=txr_456)") {
            @Override
            public StripeTaxRates parse(String text, UserEnvironment where) {
                return StripeTaxRates.parse(text);
            }

            @Override
            public String format(StripeTaxRates value) {
                return value.written();
            }
        };
    }

    /** A type that is no secret: shown as written. */
    private abstract static class Written<T> implements SettingType<T> {
        private final String allowed;

        Written(String allowed) {
            this.allowed = allowed;
        }

        @Override
        public String allowed() {
            return allowed;
        }

        @Override
        public String redacted(T value) {
            return format(value);
        }
    }
}
