/**
 * GPU ownership, as pure functions the planner and driver call: {@link org.jdpl.gpu.ownership.GpuAssigner}
 * gives each GPU device replica its own GPU index (or says clearly why it cannot), and
 * {@link org.jdpl.gpu.ownership.GpuProcessEnvironment} the environment a process owning one index
 * is started with.
 */
package org.jdpl.gpu.ownership;
