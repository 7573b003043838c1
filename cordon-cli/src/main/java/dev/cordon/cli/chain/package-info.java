/** Commands over the chain store: ingest, and the {@code tx}, {@code address} and {@code block} queries. */
package dev.cordon.cli.chain;
