/**
 * Benchmark harnesses, run as {@code ./cordon bench <name>}. Each measures cordon and, where an
 * issue names a peer, the peer on the same input in the same run, and prints the ratio. With
 * {@code --json} a harness prints exactly one JSON object on stdout.
 */
package dev.cordon.bench;
