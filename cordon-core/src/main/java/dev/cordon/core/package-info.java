/**
 * cordon's value types: chains, addresses, transaction ids, assets and exact amounts,
 * findings, error codes and the clock seam. No I/O and no dependency but slf4j.
 */
package dev.cordon.core;
