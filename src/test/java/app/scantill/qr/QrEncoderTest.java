package app.scantill.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QrEncoderTest {

    private final QrEncoder encoder = new QrEncoder();

    static String checkoutUrlOfLength(int length) {
        StringBuilder url = new StringBuilder("https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4e5F6g7H8#fid");
        int i = 0;
        while (url.length() < length) {
            url.append("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%2B".charAt(i++ % 65));
        }
        return url.toString();
    }

    @Test
    void fourHundredCharacterCheckoutUrlFitsVersion15AtErrorCorrectionM() {
        QrMatrix matrix = encoder.encode(checkoutUrlOfLength(400));

        assertThat(matrix.version()).isEqualTo(15);
        assertThat(matrix.symbolSize()).isEqualTo(77);
        assertThat(matrix.size()).isEqualTo(77 + 2 * QrEncoder.QUIET_ZONE_MODULES);
    }

    @Test
    void quietZoneOfFourModulesIsLightOnEverySide() {
        QrMatrix matrix = encoder.encode(checkoutUrlOfLength(400));
        int n = matrix.size();
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < QrEncoder.QUIET_ZONE_MODULES; q++) {
                assertThat(matrix.isDark(i, q) || matrix.isDark(i, n - 1 - q)
                        || matrix.isDark(q, i) || matrix.isDark(n - 1 - q, i)).isFalse();
            }
        }
        // The finder pattern starts right after the quiet zone.
        assertThat(matrix.isDark(QrEncoder.QUIET_ZONE_MODULES, QrEncoder.QUIET_ZONE_MODULES)).isTrue();
    }

    @Test
    void sameTextGivesTheSameSymbol() {
        String url = checkoutUrlOfLength(350);
        assertThat(encoder.encode(url)).isEqualTo(encoder.encode(url));
    }

    @Test
    void emptyOrOversizedTextIsRefusedWithAReason() {
        assertThatThrownBy(() -> encoder.encode("")).isInstanceOf(QrEncodingException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> encoder.encode(checkoutUrlOfLength(3000))).isInstanceOf(QrEncodingException.class)
                .hasMessageContaining("3000 characters");
    }
}
