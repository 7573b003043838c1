/**
 * Chain-neutral form of a UTXO-model block, as a decoder hands it to the store. Inputs name the
 * output they spend; the store resolves them to addresses and values.
 */
package dev.cordon.core.utxo;
