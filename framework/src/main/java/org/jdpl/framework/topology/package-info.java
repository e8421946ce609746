/**
 * Topology files: loading, validation against the device catalog, and resolution into the physical
 * {@link org.jdpl.framework.plan.Plan}. Callers use {@link org.jdpl.framework.topology.TopologyCompiler}.
 *
 * <h2>The file</h2>
 * <pre>
 * devices {
 *   source { use = counter-source, options { timeslices = 1000, payload-bytes = 256 } }
 *   fwd    { use = forwarder, pipeline = 3 }
 *   sink   { use = checksum-sink }
 * }
 * </pre>
 * Top-level keys: {@code devices} (required), {@code shm { segment-size, inline-max }},
 * {@code channels { }}, {@code rate-limit { }}, {@code vars { }} (the user's own variables; any other
 * top-level key is an error). Per device: {@code use} (required), {@code options { }},
 * {@code inputs}/{@code outputs} (spec lists replacing the type's, keeping its labels),
 * {@code pipeline} (replicas, or {@code auto} with {@code pipeline-max}: planned at one replica,
 * the Driver's warm-up chooses), {@code completion} ({@code all|any|ordered}), {@code idle}
 * ({@code backoff|busy-spin}).
 *
 * <h2>The steps</h2>
 * <ol>
 * <li>{@code TopologyLoader}: parses each file ({@code StrictIncluder} resolves includes relative to
 * the including file and refuses missing ones), merges the files (a device lives in one file only),
 * applies {@code --set} overrides ({@code SetOverride}), and resolves substitutions against the
 * topology, its {@code vars}, then the environment ({@code SubstitutionResolver}).</li>
 * <li>{@code TopologyValidator}: top-level keys and {@code shm}; each device
 * ({@code DeviceValidator}, {@code OptionValidator}, {@code SpecListReader}); then, when every device is
 * usable, the wiring ({@code GraphValidator}, {@code CycleFinder}). Every problem is reported, each as
 * one {@link org.jdpl.framework.topology.Problem} with its place and a hint; checks whose answer would
 * only repeat an earlier problem are skipped.</li>
 * <li>{@code TopologyPlanner}: a pure function from the validated logical topology to the plan
 * (topological order, stream ids, end-of-stream counts, routes).</li>
 * </ol>
 * {@link org.jdpl.framework.topology.PlanRenderer} draws a plan for {@code dpl graph}.
 */
package org.jdpl.framework.topology;
