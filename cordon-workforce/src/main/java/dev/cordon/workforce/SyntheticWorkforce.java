package dev.cordon.workforce;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.workforce.internal.Ip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * A seeded, realistic company for demos, tests and benchmarks: employees in a dozen cities
 * working their local office hours for {@code days} days (Okta System Log), their HR records and
 * laptop inventories, plus three planted cases: two infiltrated remote workers (Astrill VPN, UTC+9
 * working day, shared laptop-farm IP and device, IP-KVM, remote-desktop tool, Korean locale, shared
 * bank account and shipping address, early payroll change, shift work) and one hijacked account
 * (sign-ins from two foreign countries minutes after the owner's own). Three employees make a
 * legitimate business trip. Same seed, same bytes.
 */
public final class SyntheticWorkforce {
    /** Person ids of the planted cases. */
    public static final String INFILTRATOR_A = "E9001";
    public static final String INFILTRATOR_B = "E9002";
    /** Index of the employee whose account is hijacked. */
    public static final int HIJACKED_INDEX = 42;
    /** Indexes of employees who travel abroad on business. */
    public static final List<Integer> TRAVELLERS = List.of(10, 20, 30);

    private record City(String country, String city, double lat, double lon, String zone, long asn, String isp,
                        String prefix) {
    }

    private static final List<City> CITIES = List.of(
            new City("US", "Austin", 30.2672, -97.7431, "America/Chicago", 7922, "Comcast Cable Communications", "73.6"),
            new City("US", "Seattle", 47.6062, -122.3321, "America/Los_Angeles", 7922, "Comcast Cable Communications", "73.97"),
            new City("US", "New York", 40.7128, -74.0060, "America/New_York", 701, "Verizon Business", "71.190"),
            new City("US", "Denver", 39.7392, -104.9903, "America/Denver", 7018, "AT&T Services", "73.229"),
            new City("GB", "London", 51.5074, -0.1278, "Europe/London", 2856, "British Telecommunications PLC", "86.150"),
            new City("DE", "Berlin", 52.5200, 13.4050, "Europe/Berlin", 3320, "Deutsche Telekom AG", "79.200"),
            new City("PL", "Warsaw", 52.2297, 21.0122, "Europe/Warsaw", 5617, "Orange Polska Spolka Akcyjna", "83.10"),
            new City("PT", "Lisbon", 38.7223, -9.1393, "Europe/Lisbon", 3243, "MEO - Servicos De Comunicacoes", "85.241"),
            new City("CA", "Toronto", 43.6532, -79.3832, "America/Toronto", 577, "Bell Canada", "70.49"),
            new City("NL", "Amsterdam", 52.3676, 4.9041, "Europe/Amsterdam", 1136, "KPN B.V.", "77.161"),
            new City("ES", "Madrid", 40.4168, -3.7038, "Europe/Madrid", 3352, "Telefonica de Espana", "83.45"),
            new City("SG", "Singapore", 1.3521, 103.8198, "Asia/Singapore", 9506, "Singtel Fibre Broadband", "116.87"));
    private static final City FARM = new City("US", "Nashville", 36.1627, -86.7816, "America/Chicago", 7922,
            "Comcast Cable Communications", "73.120");
    private static final City VPN_EXIT = new City("US", "Dallas", 32.7767, -96.7970, "America/Chicago", 9009, "M247 Europe SRL", "2.26.157");
    private static final City CHANGCHUN = new City("CN", "Changchun", 43.88, 125.3228, "Asia/Shanghai", 4837,
            "CHINA UNICOM China169 Backbone", "175.16.199");
    private static final City LAGOS = new City("NG", "Lagos", 6.5244, 3.3792, "Africa/Lagos", 29465, "MTN NIGERIA", "197.210.54");
    private static final City MOSCOW = new City("RU", "Moscow", 55.7558, 37.6173, "Europe/Moscow", 8402, "PJSC Vimpelcom", "95.25.14");
    private static final String[] FIRST = {"Ava", "Ben", "Chloe", "Daniel", "Emma", "Felix", "Grace", "Hugo", "Isla",
        "Jack", "Kira", "Liam", "Maya", "Noah", "Olivia", "Paul", "Quinn", "Ruby", "Sam", "Tara", "Umar", "Vera",
        "Will", "Xena", "Yusuf", "Zoe", "Anna", "Marek", "Ines", "Lukas", "Sofia", "Tomas"};
    private static final String[] LAST = {"Smith", "Jones", "Garcia", "Muller", "Kowalski", "Silva", "Brown", "Wilson",
        "Taylor", "Novak", "Schmidt", "Santos", "Lopez", "Clark", "Walker", "Young", "King", "Wright", "Hill", "Green"};
    private static final String UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0.0.0 Safari/537.36";

    /** The generated files' contents. */
    public record Company(String hrCsv, List<String> oktaLines, String endpointCsv, int employees,
                          Map<String, String> planted) {
        public Company {
            Objects.requireNonNull(hrCsv, "hrCsv");
            oktaLines = List.copyOf(oktaLines);
            Objects.requireNonNull(endpointCsv, "endpointCsv");
            planted = Map.copyOf(planted);
        }

        /** Writes {@code hr.csv}, {@code okta.jsonl} and {@code endpoints.csv} into {@code dir}. */
        public void writeTo(Path dir) {
            try {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("hr.csv"), hrCsv, StandardCharsets.UTF_8);
                Files.write(dir.resolve("okta.jsonl"), oktaLines, StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("endpoints.csv"), endpointCsv, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CordonException(ErrorCode.IO, "cannot write synthetic company to " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    private record Person(String id, String name, String account, City home, String device, String fingerprint,
                          String ip, int index) {
    }

    private final Random rnd;
    private final LocalDate start;
    private final int days;
    private final OktaEventWriter writer = new OktaEventWriter();
    private final List<long[]> order = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private long uuidCounter;

    private SyntheticWorkforce(long seed, LocalDate start, int days) {
        this.rnd = new Random(seed);
        this.start = start;
        this.days = days;
    }

    /**
     * @param employees background employees (50..500); each gets a home address that the bundled
     *                  lists do not mark as VPN or hosting
     */
    public static Company generate(long seed, int employees, LocalDate start, int days) {
        if (employees < 50 || employees > 500 || days < 28 || days > 60) {
            throw new IllegalArgumentException("employees must be in 50..500 and days in 28..60");
        }
        return new SyntheticWorkforce(seed, start, days).company(employees);
    }

    private Company company(int n) {
        List<Person> staff = new ArrayList<>();
        StringBuilder hr = new StringBuilder("person,name,status,accounts,devices,country,time_zone,email,phone,"
                + "bank_account,shipping_address,photo_hash,hired,bank_changed\n");
        StringBuilder ep = new StringBuilder("time,device,account,kind,name,path,usb_vendor_id,usb_product_id,"
                + "usb_vendor,usb_product,usb_serial,usb_class,usb_protocol\n");
        for (int i = 0; i < n; i++) {
            Person p = background(i);
            staff.add(p);
            hr.append(String.format(Locale.ROOT, "%s,%s,employee,%s,%s,%s,%s,%s,+1555%07d,GB%02dBANK%010d,"
                    + "\"%d %s Street, %s\",%08x,%s,\n", p.id(), p.name(), p.account(), p.device(), p.home().country(),
                    p.home().zone(), p.account().replace("@corp.example", "@mail.example"), i, i % 97, 1_000_000L + i,
                    10 + i, LAST[i % LAST.length], p.home().city(), rnd.nextInt(), start.minusDays(200 + i)));
            endpoints(ep, p, i % 25 == 0);
        }
        for (Person p : staff) {
            officeMonth(p);
        }
        Person a = new Person(INFILTRATOR_A, "Jordan Blake", "jordan.blake@corp.example", CITIES.get(0), "LT-9001",
                "fp9001a7c3", "", -1);
        Person b = new Person(INFILTRATOR_B, "Alex Morgan", "alex.morgan@corp.example", CITIES.get(1), "LT-9002",
                "fp9002b4e1", residential(FARM, 77), -2);
        plantedHr(hr, a, b);
        infiltratorA(a, b);
        infiltratorB(b);
        hijack(staff.get(HIJACKED_INDEX));
        plantedEndpoints(ep, a, b);
        List<String> sorted = sortedLines();
        return new Company(hr.toString(), sorted, ep.toString(), n,
                Map.of("infiltrator-a", INFILTRATOR_A, "infiltrator-b", INFILTRATOR_B,
                        "hijacked", staff.get(HIJACKED_INDEX).id()));
    }

    /** The k-th address of a city's range. */
    private static String address(City c, int k) {
        int dots = c.prefix().length() - c.prefix().replace(".", "").length();
        return dots == 2 ? c.prefix() + "." + (k % 250 + 1)
                : c.prefix() + "." + (k / 250 % 250 + 1) + "." + (k % 250 + 1);
    }

    /** The k-th address of a city's range that the bundled lists do not mark as VPN or hosting. */
    private static String residential(City c, int k) {
        NetworkLists lists = NetworkLists.bundled();
        for (int j = k; j < k + 250_000; j += 1000) {
            String ip = address(c, j);
            if (lists.classify(Ip.parse(ip), 0, "", NetworkHints.NONE).kind() == EgressKind.ORDINARY) {
                return ip;
            }
        }
        throw new IllegalStateException("no residential address left in " + c.prefix());
    }

    private Person background(int i) {
        City home = CITIES.get(i % CITIES.size());
        String first = FIRST[i % FIRST.length];
        String last = LAST[(i / FIRST.length + i) % LAST.length];
        String account = (first + "." + last + (i >= FIRST.length ? Integer.toString(i) : "")).toLowerCase(Locale.ROOT)
                + "@corp.example";
        String ip = residential(home, i);
        return new Person(String.format(Locale.ROOT, "E%04d", i + 1), first + " " + last, account, home,
                String.format(Locale.ROOT, "LT-%04d", i + 1), String.format(Locale.ROOT, "fp%08x", rnd.nextInt()), ip, i);
    }

    /** Workdays 09:00-17:xx local with an SSO every 40-80 minutes; travellers spend days 17-19 abroad. */
    private void officeMonth(Person p) {
        boolean traveller = TRAVELLERS.contains(p.index());
        City abroad = CITIES.get((p.index() / CITIES.size() + 6 + p.index()) % CITIES.size());
        if (abroad.country().equals(p.home().country())) {
            abroad = CITIES.get((CITIES.indexOf(abroad) + 1) % CITIES.size());
        }
        for (int d = 0; d < days; d++) {
            LocalDate day = start.plusDays(d);
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            boolean away = traveller && d >= 17 && d <= 19;
            City where = away ? abroad : p.home();
            String ip = away ? residential(abroad, 600 + TRAVELLERS.indexOf(p.index())) : p.ip();
            workday(p, where, ip, day, LocalTime.of(9, rnd.nextInt(40)), LocalTime.of(17, rnd.nextInt(50)), "", p.fingerprint());
        }
    }

    private void workday(Person p, City where, String ip, LocalDate day, LocalTime from, LocalTime to, String tunnel,
                         String fingerprint) {
        ZoneId zone = ZoneId.of(where.zone());
        long t = day.atTime(from).atZone(zone).toInstant().toEpochMilli();
        long end = day.atTime(to).atZone(zone).toInstant().toEpochMilli();
        emit(p, where, ip, t, "user.session.start", tunnel, fingerprint);
        while ((t += (40 + rnd.nextInt(41)) * 60_000L) < end) {
            emit(p, where, ip, t, "user.authentication.sso", tunnel, fingerprint);
        }
    }

    /** Activity over UTC hours [fromHour, toHour) of a day, as a KST or shift worker produces it. */
    private void utcShift(Person p, City where, String ip, LocalDate day, int fromHour, int toHour, String tunnel,
                          String fingerprint) {
        long t = day.atStartOfDay(ZoneId.of("UTC")).toInstant().toEpochMilli() + fromHour * 3_600_000L
                + rnd.nextInt(20) * 60_000L;
        long end = day.atStartOfDay(ZoneId.of("UTC")).toInstant().toEpochMilli() + toHour * 3_600_000L;
        emit(p, where, ip, t, "user.session.start", tunnel, fingerprint);
        while ((t += (35 + rnd.nextInt(20)) * 60_000L) < end) {
            emit(p, where, ip, t, "user.authentication.sso", tunnel, fingerprint);
        }
    }

    private void emit(Person p, City c, String ip, long t, String type, String tunnel, String fingerprint) {
        emit(p, c, ip, t, type, tunnel, fingerprint, true);
    }

    private void emit(Person p, City c, String ip, long t, String type, String tunnel, String fingerprint, boolean ok) {
        String uuid = String.format(Locale.ROOT, "%08x-%04x-4%03x-a%03x-%012x", uuidCounter, uuidCounter & 0xffff,
                uuidCounter & 0xfff, (uuidCounter >> 12) & 0xfff, uuidCounter * 2654435761L & 0xffffffffffffL);
        uuidCounter++;
        lines.add(writer.line(new OktaEventWriter.Event(t, uuid, type, p.account(), p.name(), ip, c.city(), c.country(),
                c.lat(), c.lon(), c.asn(), c.isp(), ok, fingerprint, tunnel, UA)));
        order.add(new long[] {t, lines.size() - 1});
    }

    private List<String> sortedLines() {
        order.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        List<String> out = new ArrayList<>(lines.size());
        for (long[] o : order) {
            out.add(lines.get((int) o[1]));
        }
        return out;
    }

    private void infiltratorA(Person a, Person b) {
        for (int d = 0; d < days; d++) {
            LocalDate day = start.plusDays(d);
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            if (d == 3 || d == 4) {
                utcShift(a, FARM, b.ip(), day, 0, 9, "", b.fingerprint());
            } else if (d >= 15 && d % 3 == 0) {
                utcShift(a, CHANGCHUN, residential(CHANGCHUN, 5 + d % 4), day, 0, 9, "", a.fingerprint());
            } else {
                utcShift(a, VPN_EXIT, address(VPN_EXIT, 10 + d % 5), day, 0, 9, "ASTRILL_VPN", a.fingerprint());
            }
        }
    }

    /** One identity worked in shifts: KST day every day, a second shift on some days, one 30-hour run. */
    private void infiltratorB(Person b) {
        for (int d = 0; d < days; d++) {
            LocalDate day = start.plusDays(d);
            if (d == 10) {
                utcShift(b, FARM, b.ip(), day, 0, 24, "", b.fingerprint());
                utcShift(b, FARM, b.ip(), day.plusDays(1), 0, 6, "", b.fingerprint());
                continue;
            }
            if (d == 11) {
                utcShift(b, FARM, b.ip(), day, 7, 9, "", b.fingerprint());
                continue;
            }
            utcShift(b, FARM, b.ip(), day, 0, 9, "", b.fingerprint());
            if (d % 4 == 1) {
                utcShift(b, FARM, b.ip(), day, 10, 21, "", b.fingerprint());
            }
        }
    }

    /** The owner works from home; on day 21 an attacker signs in from Lagos, a cloud host and Moscow. */
    private void hijack(Person c) {
        LocalDate day = start.plusDays(21);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        long base = day.atTime(9, 55).atZone(ZoneId.of(c.home().zone())).toInstant().toEpochMilli();
        emit(c, LAGOS, residential(LAGOS, 201), base + 40 * 60_000L, "user.session.start", "", "fpattacker01");
        City cloud = new City("NL", "Amsterdam", 52.3676, 4.9041, "Europe/Amsterdam", 14061, "DigitalOcean, LLC", "1.178.1");
        emit(c, cloud, address(cloud, 20), base + 95 * 60_000L, "user.session.start", "", "fpattacker01");
        String moscow = residential(MOSCOW, 202);
        emit(c, MOSCOW, moscow, base + 185 * 60_000L, "user.session.start", "", "fpattacker01");
        emit(c, MOSCOW, moscow, base + 190 * 60_000L, "user.authentication.sso", "", "fpattacker01");
    }

    private static void plantedHr(StringBuilder hr, Person a, Person b) {
        hr.append(String.format(Locale.ROOT, "%s,%s,contractor,%s,%s,US,America/Chicago,jordan.blake.dev@mail.example,"
                + "+15125550199,US12 3456 7890 1111,\"1437 Maple Ridge Dr, Nashville TN\",9f1c22aa,2025-02-20,2025-03-02\n",
                a.id(), a.name(), a.account(), a.device()));
        hr.append(String.format(Locale.ROOT, "%s,%s,contractor,%s,%s,US,America/Los_Angeles,alex.morgan.dev@mail.example,"
                + "+12065550143,US12-3456-7890-1111,\"1437 Maple Ridge Dr., Nashville, TN\",4b7e9d02,2025-03-10,2025-03-25\n",
                b.id(), b.name(), b.account(), b.device()));
    }

    private void endpoints(StringBuilder ep, Person p, boolean itStaff) {
        String t = start.plusDays(5).atTime(12, 0).toString() + ":00Z";
        String acct = p.account();
        ep.append(t).append(',').append(p.device()).append(',').append(acct).append(",process,chrome.exe,"
                + "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe,,,,,,,\n");
        ep.append(t).append(',').append(p.device()).append(',').append(acct).append(",process,slack.exe,,,,,,,,\n");
        ep.append(t).append(',').append(p.device()).append(',').append(acct).append(",software,Microsoft 365 Apps,,,,,,,,\n");
        ep.append(t).append(',').append(p.device()).append(',').append(acct)
                .append(",usb,,,046d,c31c,Logitech,USB Keyboard,,3,1\n");
        ep.append(t).append(',').append(p.device()).append(',').append(acct).append(",locale,")
                .append(localeOf(p.home().country())).append(",,,,,,,,\n");
        if (itStaff) {
            ep.append(t).append(',').append(p.device()).append(',').append(acct)
                    .append(",process,TeamViewer.exe,C:\\Program Files\\TeamViewer\\TeamViewer.exe,,,,,,,\n");
        }
        rnd.nextInt();
    }

    private static String localeOf(String country) {
        return switch (country) {
            case "GB" -> "en-GB";
            case "DE" -> "de-DE";
            case "PL" -> "pl-PL";
            case "PT" -> "pt-PT";
            case "NL" -> "nl-NL";
            case "ES" -> "es-ES";
            case "CA" -> "en-CA";
            case "SG" -> "en-SG";
            default -> "en-US";
        };
    }

    private void plantedEndpoints(StringBuilder ep, Person a, Person b) {
        String t = start.plusDays(6).atTime(3, 0).toString() + ":00Z";
        ep.append(t).append(',').append(a.device()).append(',').append(a.account())
                .append(",process,AnyDesk.exe,C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe,,,,,,,\n");
        ep.append(t).append(',').append(a.device()).append(',').append(a.account())
                .append(",usb,,,1d6b,0104,PiKVM,PiKVM Composite Device,CAFEBABE,3,1\n");
        ep.append(t).append(',').append(b.device()).append(',').append(b.account())
                .append(",usb,,,1d6b,0104,Linux Foundation,Multifunction USB Device,0123456789,8,80\n");
        ep.append(t).append(',').append(b.device()).append(',').append(b.account()).append(",locale,ko-KR,,,,,,,,\n");
        ep.append(t).append(',').append(b.device()).append(',').append(b.account()).append(",domain,relay-1a2b3c4d.net.anydesk.com,,,,,,,,\n");
    }
}
