package io.jenkins.plugins.nestedpve.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
    @Test
    void readsUnitsCombinationsAndIso() {
        assertThat(DurationText.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.parse(" 1h30m ")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("2D")).isEqualTo(Duration.ofDays(2));
        assertThat(DurationText.parse("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationText.parse("0")).isZero();
    }

    @Test
    void rejectsWordsNegativeIsoAndBareNumbersSayingWhatToWrite() {
        for (String bad : new String[] {"soon", "PT-5M", "15", "1x"}) {
            assertThatThrownBy(() -> DurationText.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + bad + "' is not a duration — write a number with a unit, e.g. 90s, 15m, 4h,"
                            + " 1h30m or 2d");
        }
    }

    @Test
    void formatIsTheInverseOfParse() {
        for (String text : new String[] {"1h30m", "15m", "42s", "0s", "500ms"}) {
            assertThat(DurationText.format(DurationText.parse(text))).isEqualTo(text);
        }
    }
}
