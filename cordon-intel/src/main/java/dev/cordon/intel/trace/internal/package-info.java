/** Primitive collections and exact arithmetic for the tracing engines; not API. */
package dev.cordon.intel.trace.internal;
