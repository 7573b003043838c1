/** Deterministic synthetic Bitcoin chains written as block files, for benchmarks and scale tests. */
package dev.cordon.bitcoin.synth;
