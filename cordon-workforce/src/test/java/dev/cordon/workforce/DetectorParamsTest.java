package dev.cordon.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetectorParamsTest {
    static final Duration ZERO = Duration.ZERO;
    static final Duration NEG = Duration.ofSeconds(-1);
    static final Duration H = Duration.ofHours(1);

    @Test
    void params_badDurations_rejectedWithReason() {
        assertThatThrownBy(() -> new AnonymiserEgressDetector.Params(NEG, false)).hasMessage("repeatAfter must be >= 0");
        assertThatThrownBy(() -> new NewCountryDetector.Params(NEG)).hasMessage("learning must be >= 0");
        assertThatThrownBy(() -> new ImpossibleTravelDetector.Params(900, 50, H, NEG, false))
                .hasMessage("skewTolerance and cooldown must be >= 0");
        assertThatThrownBy(() -> new ContinuousActivityDetector.Params(18, H, ZERO))
                .hasMessage("maxSession and sessionGap must be > 0");
        assertThatThrownBy(() -> new SharedAccessDetector.Params(2, 2, 2, ZERO, H, false)).hasMessage("windows must be > 0");
        assertThatThrownBy(() -> new SharedAccessDetector.Params(2, 2, 2, H, null, false)).hasMessage("deviceWindow");
        assertThat(new AnonymiserEgressDetector.Params(ZERO, false).repeatAfter()).isZero();
        assertThat(new NewCountryDetector.Params(ZERO).learning()).isZero();
    }

    @Test
    void ensure_newAccounts_growByDoubling() {
        ContinuousActivityDetector d = new ContinuousActivityDetector(ContinuousActivityDetector.Params.defaults(),
                new Accounts());
        assertThat(d.stateBytes()).isZero();
        d.ensure(0);
        assertThat(d.capacity()).isEqualTo(16);
        d.ensure(15);
        assertThat(d.capacity()).isEqualTo(16);
        d.ensure(16);
        assertThat(d.capacity()).isEqualTo(32);
        d.ensure(1000);
        assertThat(d.capacity()).isEqualTo(1024);
        assertThat(d.stateBytes()).isEqualTo(1024 * 28L);
    }

    @Test
    void finding_login_evidenceEndsWithRecord() {
        LoginEvent e = DetectorsTest.login("a", DetectorsTest.T0, "81.2.69.142", Geo.UNKNOWN);
        EnrichedLogin l = new Enricher(Optional.empty(), NetworkLists.empty()).enrich(e);
        Finding f = AccountLoginDetector.finding("x", Severity.LOW, "a", l, "title", "ip", e.ip(), "empty", "");
        List<String> names = new ArrayList<>();
        f.evidence().forEach(ev -> names.add(ev.name()));
        assertThat(names).containsExactly("ip", "record");
        assertThat(f.subject()).isEqualTo("account:a");
        assertThat(f.time()).isEqualTo(DetectorsTest.T0);
        assertThat(f.evidence().get(1).value()).isEqualTo("t:1");
        assertThat(f.sources()).containsExactly("t");
    }
}
