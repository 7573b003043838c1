/** {@code cordon trace}: follow stolen value forward to endpoints, or a deposit back to its sources. */
package dev.cordon.cli.trace;
