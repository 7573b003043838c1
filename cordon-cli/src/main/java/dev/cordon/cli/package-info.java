/**
 * The {@code cordon} command line: picocli commands over the engine modules. Results go to
 * stdout (a table, or one JSON document with {@code --json}); progress and errors go to stderr.
 */
package dev.cordon.cli;
