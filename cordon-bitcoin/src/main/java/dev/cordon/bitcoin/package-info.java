/**
 * Bitcoin: block files and single blocks ({@link dev.cordon.bitcoin.BlkFileReader},
 * {@link dev.cordon.bitcoin.RawBlockFiles}), block and transaction decoding
 * ({@link dev.cordon.bitcoin.BlockCursor} for the allocation-free fast path,
 * {@link dev.cordon.bitcoin.BlockDecoder} for {@link dev.cordon.core.utxo.UtxoBlock}s), output
 * script classification, the Base58Check and Bech32/Bech32m address codecs, and a Bitcoin Core
 * JSON-RPC client.
 */
package dev.cordon.bitcoin;
