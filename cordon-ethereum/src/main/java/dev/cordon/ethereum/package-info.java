/**
 * Ethereum values at the edge: EIP-55 addresses, 32-byte words and raw data. The JSON-RPC
 * client is in {@link dev.cordon.ethereum.rpc}.
 */
package dev.cordon.ethereum;
