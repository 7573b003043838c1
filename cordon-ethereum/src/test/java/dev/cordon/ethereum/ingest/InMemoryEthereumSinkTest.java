package dev.cordon.ethereum.ingest;

import dev.cordon.core.account.EthereumSink;
import dev.cordon.core.account.EthereumSinkContractTest;
class InMemoryEthereumSinkTest extends EthereumSinkContractTest {
    @Override
    protected EthereumSink newSink() {
        return new InMemoryEthereumSink();
    }
}
