/**
 * The physical plan: devices with replicas, routes and stream ids, as resolved from a validated
 * topology. Immutable records, written to the run directory for the device processes.
 */
package org.jdpl.framework.plan;
