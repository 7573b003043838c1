/** Hash primitives for the Bitcoin module; not API. */
package dev.cordon.bitcoin.internal;
