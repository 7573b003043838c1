package dev.cordon.ethereum.ingest;

class InMemoryEthereumSinkTest extends EthereumSinkContractTest {
    @Override
    protected EthereumSink newSink() {
        return new InMemoryEthereumSink();
    }
}
