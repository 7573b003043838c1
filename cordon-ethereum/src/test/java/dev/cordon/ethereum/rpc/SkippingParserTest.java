package dev.cordon.ethereum.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SkippingParserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> SKIP = Set.of("input", "output");

    @Test
    void readTree_skipsNamedMembersAtAnyDepth_keepsEmptyContainers() throws IOException {
        String json = "{\"a\":{\"input\":\"0xdead\",\"keep\":[1,{\"output\":{\"x\":[1,2]},\"y\":[]}]},"
                + "\"input\":[1,2,{\"z\":1}],\"code\":5,\"traceAddress\":[],\"o\":{}}";

        JsonNode n = MAPPER.readTree(new SkippingParser(MAPPER.getFactory().createParser(json), SKIP));

        assertThat(n.toString()).isEqualTo("{\"a\":{\"keep\":[1,{\"y\":[]}]},\"code\":5,\"traceAddress\":[],\"o\":{}}");
    }

    @Test
    void readTree_onlySkippedMembers_givesEmptyObject() throws IOException {
        JsonNode n = MAPPER.readTree(new SkippingParser(MAPPER.getFactory().createParser(
                "[{\"input\":\"0x\",\"output\":null}]"), SKIP));

        assertThat(n.toString()).isEqualTo("[{}]");
    }

    @Test
    void readTree_arrayScopedName_skippedOnlyInThatArraysElements() throws IOException {
        String json = "{\"blockHash\":\"b\",\"logs\":[{\"blockHash\":\"b\",\"data\":\"0x\",\"input\":1},"
                + "{\"x\":{\"blockHash\":\"c\"}}],\"calls\":[{\"blockHash\":\"d\"}],\"o\":{\"logs\":{\"blockHash\":\"e\"}}}";

        JsonNode n = MAPPER.readTree(new SkippingParser(MAPPER.getFactory().createParser(json),
                Set.of("input", "logs[].blockHash")));

        assertThat(n.toString()).isEqualTo("{\"blockHash\":\"b\",\"logs\":[{\"data\":\"0x\"},{\"x\":{\"blockHash\":\"c\"}}],"
                + "\"calls\":[{\"blockHash\":\"d\"}],\"o\":{\"logs\":{\"blockHash\":\"e\"}}}");
    }

    @Test
    void readTree_truncatedInsideSkippedValue_throws() {
        assertThatThrownBy(() -> MAPPER.readTree(new SkippingParser(MAPPER.getFactory().createParser(
                "{\"a\":1,\"input\":\"0xdead"), SKIP))).isInstanceOf(IOException.class);
    }
}
