/**
 * Seeded laundering scenarios for tests, benchmarks and the demo: background activity,
 * exchanges with deposit addresses swept to hot wallets, and a planted theft laundered the way
 * DPRK operations do, written as real {@code blk*.dat} files with the ground truth beside them.
 */
package dev.cordon.intel.scenario;
