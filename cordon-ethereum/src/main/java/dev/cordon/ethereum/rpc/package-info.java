/**
 * Ethereum JSON-RPC over HTTP: {@link dev.cordon.ethereum.rpc.JsonRpcClient} (generic calls,
 * batches, retries, a concurrency limit) and {@link dev.cordon.ethereum.rpc.EthRpc} (typed calls).
 */
package dev.cordon.ethereum.rpc;
