/**
 * In-process channels: the wire messages between devices that share one JVM (a process group)
 * go through a ring in this process's memory instead of Aeron IPC. The bytes are the same as on
 * the wire (header block, then an inline payload or a payload-segment reference), so a consumer
 * decodes, completes and accounts for them exactly as it does for shared-memory streams, and a
 * segment-backed payload is handed over by the same reference, never copied.
 */
package org.jdpl.transport.inprocess;
