/**
 * Moving bytes between device processes: the wire format (O2's DataHeader v3 and
 * DataProcessingHeader, byte for byte, then the payload), its allocation-free encoder and defensive
 * decoder, the control-command codec, and the embedded Aeron media driver a run uses for IPC.
 * Knows nothing of devices or topologies.
 */
package org.jdpl.transport;
