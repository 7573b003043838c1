/**
 * Attribution intelligence: the label store ({@code store}), importers and exporters of
 * sanctions lists, GraphSense TagPacks and ActorPacks, CSV and STIX ({@code importer},
 * {@code export}), the bundled intelligence pack ({@code pack}), the heist ledger ({@code heist})
 * and entity clustering ({@code cluster}). See docs/INTEL.md.
 */
package dev.cordon.intel;
