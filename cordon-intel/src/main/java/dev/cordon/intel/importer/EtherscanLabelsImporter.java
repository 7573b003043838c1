package dev.cordon.intel.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Confidence;
import dev.cordon.core.DecodeException;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.store.DatasetInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Etherscan's label cloud as scraped into {@code combinedAllLabels.json} (brianleect/etherscan-labels):
 * {@code {"0xaddr": {"name": "Binance 14", "labels": ["binance", ...]}, ...}}. Only labels that
 * say what a counterparty is for screening and tracing are read (exchanges and their hot and cold
 * wallets, bridges, mixers, OFAC listings, stablecoin issuer blocks, heists and exploits);
 * entries with none of them are counted and skipped. Confidence is {@code web_crawl}: the cloud
 * is scraped, not published by the services.
 */
public final class EtherscanLabelsImporter implements LabelImporter {
    /** Etherscan label slug to category and GraphSense actor id (empty: no actor); first match wins. */
    private static final Map<String, String[]> SLUGS = new LinkedHashMap<>();

    static {
        SLUGS.put("ofac-sanctions-lists", new String[] {"sanction", ""});
        SLUGS.put("heist", new String[] {"service_hack", ""});
        SLUGS.put("exploit", new String[] {"service_hack", ""});
        SLUGS.put("phish-hack", new String[] {"phishing", ""});
        SLUGS.put("tornado-cash", new String[] {"mixing_service", "tornado"});
        SLUGS.put("ethereum-mixer", new String[] {"mixing_service", ""});
        SLUGS.put("blocked", new String[] {"black_list", ""});
        for (String[] ex : new String[][] {{"binance", "binance"}, {"binance-deposit", "binance"}, {"bitfinex", "bitfinex"},
                {"bitstamp", "bitstamp"}, {"bittrex", "bittrex"}, {"coinbase", "coinbase"}, {"crypto-com", "cryptocom"},
                {"ftx", "ftx"}, {"gate-io", "gate"}, {"gemini", "gemini"}, {"huobi", "huobi"}, {"kraken", "kraken"},
                {"kucoin", "kucoin"}, {"okx", "okex"}, {"poloniex", "poloniex"}, {"upbit", "upbit"}}) {
            SLUGS.put(ex[0], new String[] {"exchange", ex[1]});
        }
        SLUGS.put("hot-wallet", new String[] {"exchange", ""});
        SLUGS.put("cold-wallet", new String[] {"exchange", ""});
        SLUGS.put("fiat-gateway", new String[] {"payment_processor", ""});
        SLUGS.put("bridge", new String[] {"defi_bridge", ""});
    }

    @Override
    public String format() {
        return "etherscan-json";
    }

    @Override
    public ParsedList read(InputStream in, String file, ImportContext ctx) {
        RowCollector rc = new RowCollector(file);
        String dataset = ctx.dataset().orElse("etherscan-labels");
        int outOfScope = 0;
        try (JsonParser p = new JsonFactory().createParser(in)) {
            expect(p, JsonToken.START_OBJECT, file);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                int line = p.currentLocation().getLineNr();
                String addr = p.currentName();
                p.nextToken();
                rc.row();
                Entry e = entry(p, file);
                Optional<String[]> match = classify(e.labels);
                if (match.isEmpty()) {
                    outOfScope++;
                    continue;
                }
                Optional<Address> a = rc.address(line, Optional.of("ETH"), addr);
                if (a.isEmpty()) {
                    continue;
                }
                String[] m = match.get();
                String name = e.name.isBlank() ? m[2] : e.name;
                rc.guard(line, () -> rc.add(line, new Label(LabelSubject.of(a.get()), name, Category.parse(m[0]), Optional.empty(),
                        m[1].isEmpty() ? ctx.actor() : Optional.of(m[1]), ctx.source().orElse("https://etherscan.io/address/" + a.get()),
                        ctx.confidence().orElse(Confidence.WEB_CRAWL), ctx.now(), Optional.empty(),
                        ctx.addedBy().orElse("Etherscan label cloud"), ctx.now(), dataset, "etherscan labels: " + String.join(", ", e.labels))));
            }
        } catch (IOException e) {
            throw new DecodeException(file, -1, "not a valid Etherscan labels JSON file: " + e.getMessage(), e);
        }
        if (outOfScope > 0) {
            rc.warn(0, outOfScope + " entries carry no exchange, bridge, mixer, sanction, block or heist label and were not imported");
        }
        DatasetInfo ds = DatasetInfo.of(dataset, ctx.title().orElse("Etherscan label cloud"), ctx.source().orElse(file),
                ctx.licence(), "", ctx.now());
        return rc.finish(ds, ctx.complete());
    }

    private record Entry(String name, List<String> labels) {
    }

    private static Entry entry(JsonParser p, String file) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new DecodeException(file + " line " + p.currentLocation().getLineNr(), -1, "expected an object per address");
        }
        String name = "";
        List<String> labels = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            if ("name".equals(f) && t == JsonToken.VALUE_STRING) {
                name = p.getText().strip();
            } else if ("labels".equals(f) && t == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    labels.add(p.getText());
                }
            } else {
                p.skipChildren();
            }
        }
        return new Entry(name, labels);
    }

    /** {category, actor, fallback name} of the first in-scope slug. */
    private static Optional<String[]> classify(List<String> labels) {
        for (Map.Entry<String, String[]> s : SLUGS.entrySet()) {
            if (labels.contains(s.getKey())) {
                return Optional.of(new String[] {s.getValue()[0], s.getValue()[1], s.getKey()});
            }
        }
        return Optional.empty();
    }

    private static void expect(JsonParser p, JsonToken t, String file) throws IOException {
        if (p.nextToken() != t) {
            throw new DecodeException(file + " line " + p.currentLocation().getLineNr(), -1, "expected " + t);
        }
    }
}
