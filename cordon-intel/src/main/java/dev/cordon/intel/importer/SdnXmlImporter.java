package dev.cordon.intel.importer;

import dev.cordon.core.Actor;
import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Confidence;
import dev.cordon.core.DecodeException;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.store.DatasetInfo;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Treasury's SDN list in its advanced XML form ({@code sdn_advanced.xml}, namespace
 * {@code https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML}).
 * Read as a stream, so the full 100 MB file needs little memory:
 * <ul>
 *   <li>{@code ReferenceValueSets/FeatureTypeValues/FeatureType} whose text is
 *       {@code Digital Currency Address - CUR} names the feature type id of each currency;</li>
 *   <li>{@code DistinctParties/DistinctParty/Profile} holds the party's primary name
 *       ({@code Identity/Alias[@Primary='true']/DocumentedName/DocumentedNamePart/NamePartValue})
 *       and its {@code Feature[@FeatureTypeID]/FeatureVersion/VersionDetail} addresses;</li>
 *   <li>{@code SanctionsEntries/SanctionsEntry[@ProfileID]/SanctionsMeasure/Comment} names the
 *       programmes.</li>
 * </ul>
 * Labels are the same as {@link SdnCsvImporter}'s, so either file updates dataset {@code ofac-sdn}.
 * DTDs and external entities are refused.
 */
public final class SdnXmlImporter implements LabelImporter {
    @Override
    public String format() {
        return "ofac-xml";
    }

    private static final class Party {
        final String id;
        final StringBuilder name = new StringBuilder();
        final List<String[]> addresses = new ArrayList<>();
        final List<String> programmes = new ArrayList<>();

        Party(String id) {
            this.id = id;
        }
    }

    private static final class State {
        final Map<String, String> featureCurrency = new HashMap<>();
        final Map<String, Party> parties = new LinkedHashMap<>();
        final Deque<String> path = new ArrayDeque<>();
        Party party;
        String featureType;
        boolean primaryAlias;
        String entryProfile;
        String year = "";
        String month = "";
        String day = "";
    }

    @Override
    public ParsedList read(InputStream in, String file, ImportContext ctx) {
        RowCollector rc = new RowCollector(file);
        State st = new State();
        XMLStreamReader x = null;
        try {
            x = factory().createXMLStreamReader(in);
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    start(x, st, rc);
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    end(x, st);
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new DecodeException(file + (line > 0 ? " line " + line : ""), -1, "not a valid SDN XML file: "
                    + e.getMessage().replaceAll("\\s+", " "), e);
        } finally {
            close(x);
        }
        String version = st.year.isEmpty() ? "" : st.year + "-" + pad(st.month) + "-" + pad(st.day);
        emit(st, rc, ctx);
        DatasetInfo ds = DatasetInfo.of(ctx.dataset().orElse(SdnCsvImporter.DATASET),
                ctx.title().orElse("OFAC Specially Designated Nationals list"), ctx.source().orElse(file),
                ctx.licence().isEmpty() ? "public domain (US Government work)" : ctx.licence(), version, ctx.now());
        return rc.finish(ds, ctx.complete());
    }

    private static void start(XMLStreamReader x, State st, RowCollector rc) throws XMLStreamException {
        String name = x.getLocalName();
        String parent = st.path.peek();
        st.path.push(name);
        switch (name) {
            case "FeatureType" -> {
                String id = x.getAttributeValue(null, "ID");
                String text = x.getElementText().strip();
                st.path.pop();
                if (id != null && text.startsWith(SdnCsvImporter.MARK)) {
                    st.featureCurrency.put(id, text.substring(SdnCsvImporter.MARK.length()).strip());
                }
            }
            case "Year", "Month", "Day" -> {
                if ("DateOfIssue".equals(parent)) {
                    String v = x.getElementText().strip();
                    st.path.pop();
                    if (name.equals("Year")) {
                        st.year = v;
                    } else if (name.equals("Month")) {
                        st.month = v;
                    } else {
                        st.day = v;
                    }
                }
            }
            case "DistinctParty" -> st.party = new Party(attr(x, "FixedRef"));
            case "Alias" -> st.primaryAlias = "true".equalsIgnoreCase(x.getAttributeValue(null, "Primary"));
            case "NamePartValue" -> namePart(x, st);
            case "Feature" -> st.featureType = x.getAttributeValue(null, "FeatureTypeID");
            case "VersionDetail" -> versionDetail(x, st);
            case "SanctionsEntry" -> st.entryProfile = x.getAttributeValue(null, "ProfileID");
            case "Comment" -> comment(x, st);
            default -> {
            }
        }
    }

    private static void namePart(XMLStreamReader x, State st) throws XMLStreamException {
        String v = x.getElementText().strip();
        st.path.pop();
        if (st.party != null && st.primaryAlias && st.path.contains("DocumentedName") && !v.isEmpty()) {
            if (st.party.name.length() > 0) {
                st.party.name.append(' ');
            }
            st.party.name.append(v);
        }
    }

    private static void versionDetail(XMLStreamReader x, State st) throws XMLStreamException {
        int line = x.getLocation().getLineNumber();
        String v = x.getElementText().strip();
        st.path.pop();
        String currency = st.featureType == null ? null : st.featureCurrency.get(st.featureType);
        if (st.party != null && currency != null) {
            st.party.addresses.add(new String[] {currency, v, Integer.toString(line)});
        }
    }

    private static void comment(XMLStreamReader x, State st) throws XMLStreamException {
        String v = x.getElementText().strip();
        st.path.pop();
        if (st.entryProfile != null && st.path.contains("SanctionsMeasure")) {
            Party p = st.parties.get(st.entryProfile);
            if (p != null && !v.isEmpty() && !p.programmes.contains(v)) {
                p.programmes.add(v);
            }
        }
    }

    private static void end(XMLStreamReader x, State st) {
        String name = st.path.isEmpty() ? "" : st.path.pop();
        if ("DistinctParty".equals(name) && st.party != null) {
            if (!st.party.addresses.isEmpty()) {
                st.parties.put(st.party.id, st.party);
            }
            st.party = null;
        } else if ("Alias".equals(name)) {
            st.primaryAlias = false;
        } else if ("Feature".equals(name)) {
            st.featureType = null;
        } else if ("SanctionsEntry".equals(name)) {
            st.entryProfile = null;
        }
    }

    private static void emit(State st, RowCollector rc, ImportContext ctx) {
        String dataset = ctx.dataset().orElse(SdnCsvImporter.DATASET);
        for (Party p : st.parties.values()) {
            String page = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=" + p.id;
            String actorId = "ofac-sdn-" + p.id;
            String name = p.name.length() == 0 ? "SDN entry " + p.id : p.name.toString();
            int firstLine = Integer.parseInt(p.addresses.get(0)[2]);
            rc.guard(firstLine, () -> rc.actor(new Actor(actorId, name, List.of(Category.SANCTION), List.of(), Optional.of(page),
                    List.of(), "OFAC SDN list")));
            for (String[] a : p.addresses) {
                int line = Integer.parseInt(a[2]);
                rc.row();
                Optional<Address> addr = rc.address(line, Optional.of(a[0]), a[1]);
                if (addr.isEmpty()) {
                    continue;
                }
                String note = "OFAC SDN entry " + p.id + "; programmes " + String.join(", ", p.programmes)
                        + ("XBT".equals(a[0]) || "ETH".equals(a[0]) ? "" : "; listed as " + a[0]);
                rc.guard(line, () -> rc.add(line, new Label(LabelSubject.of(addr.get()), name, Category.SANCTION, Optional.empty(),
                        Optional.of(actorId), ctx.source().orElse(page), Confidence.AUTHORITY_DATA, ctx.now(), Optional.empty(),
                        ctx.addedBy().orElse("OFAC"), ctx.now(), dataset, note)));
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }

    private static String attr(XMLStreamReader x, String name) {
        String v = x.getAttributeValue(null, name);
        return v == null ? "" : v.strip();
    }

    private static String pad(String v) {
        return v.length() == 1 ? "0" + v : v;
    }

    private static void close(XMLStreamReader x) {
        if (x != null) {
            try {
                x.close();
            } catch (XMLStreamException e) {
                // closing a reader over a stream the caller owns; nothing to release
            }
        }
    }
}
