/**
 * The compact graph index that tracing walks: dense integer ids and primitive arrays built
 * from the chain store in one pass and extended as blocks arrive.
 *
 * <p>{@link dev.cordon.intel.graph.UtxoGraph} holds the one edge kind built today, the Bitcoin
 * spend (an output created by one transaction and consumed by an input of a later one). The
 * account model will add a second kind beside it, not inside it: an Ethereum value flow is
 * {@code (from, to, asset, amount)} ordered by {@code (block, tx, position)}, and is held in
 * parallel arrays of its own (flow number to from-id, to-id, asset-id, amount as a long or an
 * index into a side table of big amounts, position), with a per-account CSR of outgoing and
 * incoming flows in time order. The taint models then act on an account's ordered credits
 * and debits per asset instead of on a transaction's inputs and outputs; see
 * {@link dev.cordon.intel.graph.EdgeKind}.
 */
package dev.cordon.intel.graph;
