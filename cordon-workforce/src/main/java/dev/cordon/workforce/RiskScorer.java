package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Joins findings into persons and scores them.
 *
 * <p>Joining: {@code person:P} is P; {@code account:A} is the HR person listing A, else its own
 * pseudo-person; {@code device:D} is the HR person assigned D, else the persons of the accounts
 * seen on D (a shared device counts against each of them).
 *
 * <p>Scoring: a finding is worth its severity's points times its detector's weight; a detector's
 * k-th finding about the same person (most severe first) is worth {@code repeatDecay^k} of that,
 * so repeats add evidence without drowning other signals. The person's score is the sum times
 * {@code 1 + combinationBonus * (distinct detectors - 1)}: independent signals together are how
 * infiltrated workers are actually caught.
 */
public final class RiskScorer {
    /**
     * @param points           points per severity (defaults INFO 1, LOW 4, MEDIUM 10, HIGH 25, CRITICAL 40)
     * @param weights          per-detector weight; detectors not named weigh 1.0 (default
     *                         travel-via-anonymiser 0.5)
     * @param repeatDecay      factor per repeated finding of one detector, in [0, 1] (default 0.5)
     * @param combinationBonus extra share per additional distinct detector (default 0.25)
     */
    public record Params(Map<Severity, Double> points, Map<String, Double> weights, double repeatDecay,
                         double combinationBonus) {
        public Params {
            points = Map.copyOf(points);
            weights = Map.copyOf(weights);
            for (Severity s : Severity.values()) {
                if (!points.containsKey(s) || points.get(s) < 0) {
                    throw new IllegalArgumentException("points needs a non-negative value for " + s);
                }
            }
            weights.values().forEach(w -> {
                if (w < 0) {
                    throw new IllegalArgumentException("weights must be >= 0");
                }
            });
            if (repeatDecay < 0 || repeatDecay > 1 || combinationBonus < 0) {
                throw new IllegalArgumentException("repeatDecay must be in [0, 1] and combinationBonus >= 0");
            }
        }

        public static Params defaults() {
            Map<Severity, Double> p = new EnumMap<>(Severity.class);
            p.put(Severity.INFO, 1.0);
            p.put(Severity.LOW, 4.0);
            p.put(Severity.MEDIUM, 10.0);
            p.put(Severity.HIGH, 25.0);
            p.put(Severity.CRITICAL, 40.0);
            return new Params(p, Map.of(ImpossibleTravelDetector.VIA_ANONYMISER, 0.5), 0.5, 0.25);
        }
    }

    private final Params params;

    public RiskScorer(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** People with at least one finding, highest score first (ties by person id). */
    public List<PersonRisk> score(List<Finding> findings, HrDirectory hr, Map<String, Set<String>> deviceAccounts) {
        Map<String, List<Finding>> byPerson = new LinkedHashMap<>();
        for (Finding f : findings) {
            for (String p : persons(f.subject(), hr, deviceAccounts)) {
                byPerson.computeIfAbsent(p, k -> new ArrayList<>()).add(f);
            }
        }
        List<PersonRisk> out = new ArrayList<>();
        byPerson.forEach((p, fs) -> out.add(person(p, fs, hr, deviceAccounts)));
        out.sort(Comparator.comparingDouble(PersonRisk::score).reversed().thenComparing(PersonRisk::person));
        return out;
    }

    private static Set<String> persons(String subject, HrDirectory hr, Map<String, Set<String>> deviceAccounts) {
        Set<String> out = new LinkedHashSet<>();
        if (subject.startsWith(Subjects.PERSON)) {
            out.add(subject.substring(Subjects.PERSON.length()));
        } else if (subject.startsWith(Subjects.ACCOUNT)) {
            String a = subject.substring(Subjects.ACCOUNT.length());
            out.add(hr.byAccount(a).map(HrRecord::person).orElse(subject));
        } else if (subject.startsWith(Subjects.DEVICE)) {
            String d = subject.substring(Subjects.DEVICE.length());
            hr.byDevice(d).ifPresent(r -> out.add(r.person()));
            if (out.isEmpty()) {
                for (String a : deviceAccounts.getOrDefault(d, Set.of())) {
                    out.add(hr.byAccount(a).map(HrRecord::person).orElse(Subjects.account(a)));
                }
            }
            if (out.isEmpty()) {
                out.add(subject);
            }
        } else {
            out.add(subject);
        }
        return out;
    }

    private PersonRisk person(String p, List<Finding> fs, HrDirectory hr, Map<String, Set<String>> deviceAccounts) {
        fs.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::time));
        Map<String, double[]> perDetector = new LinkedHashMap<>();
        for (Finding f : fs) {
            double[] acc = perDetector.computeIfAbsent(f.detector(), k -> new double[2]);
            double w = params.weights().getOrDefault(f.detector(), 1.0);
            acc[1] += params.points().get(f.severity()) * w * Math.pow(params.repeatDecay(), acc[0]);
            acc[0]++;
        }
        List<PersonRisk.Contribution> contributions = new ArrayList<>();
        double sum = 0;
        for (Map.Entry<String, double[]> e : perDetector.entrySet()) {
            double pts = Math.round(e.getValue()[1] * 10) / 10.0;
            contributions.add(new PersonRisk.Contribution(e.getKey(), (int) e.getValue()[0], pts));
            sum += e.getValue()[1];
        }
        contributions.sort(Comparator.comparingDouble(PersonRisk.Contribution::points).reversed());
        double score = sum * (1 + params.combinationBonus() * (perDetector.size() - 1));
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> devices = new LinkedHashSet<>();
        String name = "";
        var rec = hr.person(p);
        if (rec.isPresent()) {
            name = rec.get().name();
            accounts.addAll(rec.get().accounts());
            devices.addAll(rec.get().devices());
        } else if (p.startsWith(Subjects.ACCOUNT)) {
            accounts.add(p.substring(Subjects.ACCOUNT.length()));
        }
        deviceAccounts.forEach((d, as) -> {
            for (String a : as) {
                if (accounts.contains(a)) {
                    devices.add(d);
                }
            }
        });
        for (Finding f : fs) {
            if (f.subject().startsWith(Subjects.DEVICE)) {
                devices.add(f.subject().substring(Subjects.DEVICE.length()));
            }
        }
        return new PersonRisk(p, name, Math.round(score * 10) / 10.0, fs.get(0).severity(), contributions,
                new ArrayList<>(accounts), new ArrayList<>(devices), fs);
    }
}
