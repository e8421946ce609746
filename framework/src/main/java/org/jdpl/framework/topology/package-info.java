/**
 * Topology files: loading (HOCON files, includes, substitutions, {@code --set} overrides),
 * validation against the device catalog (every problem, each with file:line and a hint), and
 * resolution of the logical {@link org.jdpl.framework.topology.Topology} into the physical
 * {@link org.jdpl.framework.plan.Plan}. Callers use {@link org.jdpl.framework.topology.TopologyCompiler}.
 */
package org.jdpl.framework.topology;
