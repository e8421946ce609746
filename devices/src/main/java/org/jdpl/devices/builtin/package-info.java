/**
 * Built-in devices for tests, benchmarks and first topologies: {@code counter-source} (numbered,
 * verifiable payloads), {@code forwarder} (a pass-through stage) and {@code checksum-sink}
 * (exactly-once and integrity check). Inputs and outputs are looked up by label only, so a topology
 * may rename their specs.
 */
package org.jdpl.devices.builtin;
