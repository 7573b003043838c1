package dev.cordon.cli.demo;

/**
 * One part of {@code cordon demo}. Each section shows one capability on real or realistic data
 * and adds what it found to the demo's JSON report.
 */
public interface DemoSection {
    /** Short key used in the JSON report ({@code bitcoin}, {@code workforce}). */
    String key();

    /** Title printed above the section. */
    String title();

    /**
     * Runs the section.
     *
     * @throws dev.cordon.core.CordonException when the demo data cannot be read or processed
     */
    void run(DemoContext ctx);
}
