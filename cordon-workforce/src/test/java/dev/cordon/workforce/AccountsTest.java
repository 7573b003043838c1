package dev.cordon.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AccountsTest {
    static final long SEED = 0xACC0_0E75L;

    @Test
    void id_firstSightInOrder_denseAndStable() {
        Accounts a = new Accounts();
        assertThat(a.id("alice@corp.example")).isEqualTo(0);
        assertThat(a.id("bob@corp.example")).isEqualTo(1);
        assertThat(a.id(new String("alice@corp.example"))).isEqualTo(0);
        assertThat(a.find("bob@corp.example")).isEqualTo(1);
        assertThat(a.find("carol@corp.example")).isEqualTo(-1);
        assertThat(a.size()).isEqualTo(2);
        assertThat(a.name(1)).isEqualTo("bob@corp.example");
        assertThatThrownBy(() -> a.name(2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void id_equalHashCodes_toldApartByName() {
        Accounts a = new Accounts();
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        assertThat(a.id("Aa")).isEqualTo(0);
        assertThat(a.id("BB")).isEqualTo(1);
        assertThat(a.id("AaBB")).isEqualTo(2);
        assertThat(a.id("BBAa")).isEqualTo(3);
        assertThat(a.find("BB")).isEqualTo(1);
        assertThat(a.find("AaAa")).isEqualTo(-1);
        assertThat(a.id("AaAa")).isEqualTo(4);
    }

    @Test
    void id_wideAndLongNames_comparedAsStrings() {
        Accounts a = new Accounts();
        String wide = "\u0430\u043b\u0438\u0441\u0430@corp.example";
        String latin1 = "j\u00f6rg@corp.example";
        String longName = "x".repeat(70_000);
        assertThat(a.id(wide)).isEqualTo(0);
        assertThat(a.id(latin1)).isEqualTo(1);
        assertThat(a.id(longName)).isEqualTo(2);
        assertThat(a.id("")).isEqualTo(3);
        assertThat(a.id(new String(wide))).isEqualTo(0);
        assertThat(a.id(new String(latin1))).isEqualTo(1);
        assertThat(a.id("x".repeat(70_000))).isEqualTo(2);
        assertThat(a.find("x".repeat(69_999))).isEqualTo(-1);
        assertThat(a.find("j\u00f6rg@corp.exampl")).isEqualTo(-1);
        assertThat(a.name(0)).isEqualTo(wide);
    }

    @Test
    void id_manyAccountsThroughGrowth_sameAsMap() {
        System.out.println("AccountsTest seed " + SEED);
        Random rnd = new Random(SEED);
        Accounts a = new Accounts();
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            String name = "user" + rnd.nextInt(60_000) + (rnd.nextInt(50) == 0 ? "\u00e9\u4e00" : "@corp.example");
            int want = expected.computeIfAbsent(name, k -> expected.size());
            assertThat(a.id(name)).as(name).isEqualTo(want);
        }
        assertThat(a.size()).isEqualTo(expected.size());
        expected.forEach((name, id) -> {
            assertThat(a.find(name)).isEqualTo(id);
            assertThat(a.name(id)).isEqualTo(name);
        });
    }
}
