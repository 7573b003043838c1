/** Implementation details of cordon-workforce: readers, compact state tables, IP arithmetic. Not API. */
package dev.cordon.workforce.internal;
