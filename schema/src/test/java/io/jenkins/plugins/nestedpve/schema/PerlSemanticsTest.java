package io.jenkins.plugins.nestedpve.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerlSemanticsTest {
    @Test
    void stringifiedQrFlagsAreTranslated() {
        assertThat(PerlRegex.toJava("(?^:a)(?^i:b)")).isEqualTo("(?:a)(?i:b)");
        assertThat(PerlRegex.anchored("(?^i:[a-z]+)").matches("ABC")).isTrue();
    }

    @Test
    void openLowerBoundQuantifierIsTranslated() {
        PerlRegex r = PerlRegex.anchored("[A-Za-z0-9\\-_\\s]{,8}");
        assertThat(r.matches("")).isTrue();
        assertThat(r.matches("abcdefgh")).isTrue();
        assertThat(r.matches("abcdefghi")).isFalse();
    }

    @Test
    void nulEscapeIsTranslated() {
        PerlRegex r = PerlRegex.anchored("(?:\\w+=[^\\x00-\\x08]*)(?:\\0\\w+=[^\\x00-\\x08]*)*");
        assertThat(r.matches("a=1\0b=2")).isTrue();
    }

    @Test
    void literalBracketInsideAClassStaysLiteral() {
        PerlRegex r = PerlRegex.anchored("[[a]+");
        assertThat(r.matches("[a[")).isTrue();
        assertThat(r.matches("b")).isFalse();
    }

    @Test
    void topLevelAlternationIsAnchoredOnOneSideOnlyAsInPve() {
        PerlRegex r = PerlRegex.anchored("/dev/parport\\d+|/dev/usb/lp\\d+");
        assertThat(r.matches("/dev/parport0")).isTrue();
        assertThat(r.matches("/dev/parport0x")).isTrue(); // '^/dev/parport\d+' alone matches
        assertThat(r.matches("x/dev/usb/lp0")).isTrue(); // '/dev/usb/lp\d+$' alone matches
        assertThat(r.matches("x/dev/parport0")).isFalse();
    }

    @Test
    void dollarAlsoMatchesBeforeAFinalNewline() {
        assertThat(PerlRegex.anchored("[a-z]+").matches("abc\n")).isTrue();
        assertThat(PerlRegex.anchored("[a-z]+").matches("abc\n\n")).isFalse();
        assertThat(Perl.isInteger("12\n")).isTrue();
    }

    @Test
    void splitListLikeParseUtils() {
        assertThat(Perl.splitList(" a, b;c  d ,")).containsExactly("a", "b", "c", "d");
        assertThat(Perl.splitList("")).isEmpty();
        assertThat(Perl.splitList("a\0b c")).containsExactly("a", "b c");
    }

    @Test
    void numbersPrintAsPerlPrintsThem() {
        assertThat(Perl.numberText(4)).isEqualTo("4");
        assertThat(Perl.numberText(4.0)).isEqualTo("4");
        assertThat(Perl.numberText(0.1)).isEqualTo("0.1");
        assertThat(Perl.numberText(1e20)).isEqualTo("1e+20");
        assertThat(Perl.numberText(new BigDecimal("2.50"))).isEqualTo("2.5");
    }

    @Test
    void perlNumberForms() {
        for (String n : List.of("1", "-1", "+1.5", "5.", ".5", "1e3", "1E-3")) {
            assertThat(Perl.isNumber(n)).as(n).isTrue();
        }
        assertThat(Perl.isNumber("0x10")).isFalse();
        assertThat(Perl.numeric("5.")).isEqualByComparingTo("5");
        assertThat(Perl.numeric("1e3")).isEqualByComparingTo("1000");
    }

    @Test
    void truthinessFollowsPerl() {
        assertThat(Perl.truthy("0")).isFalse();
        assertThat(Perl.truthy("")).isFalse();
        assertThat(Perl.truthy("00")).isTrue();
        assertThat(Perl.truthy(Perl.JsonBool.FALSE)).isFalse();
        assertThat(Perl.truthy(List.of())).isTrue();
    }
}
