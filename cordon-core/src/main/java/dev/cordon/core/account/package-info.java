/**
 * Chain-neutral form of an account-model block (Ethereum) as a decoder hands it to the store:
 * ordered value flows and contract creations, and the {@link dev.cordon.core.account.EthereumSink}
 * capability that stores them.
 */
package dev.cordon.core.account;
