package org.jdpl.framework.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.gpu.GpuDiscovery;
import org.jdpl.framework.plan.GpuPlacement;
import org.jdpl.framework.plan.HostPlacement;
import org.jdpl.framework.plan.Plan;

/**
 * The one entry point from topology files to a {@link Plan}: load (parse, merge, override,
 * resolve), validate (every problem), and when clean, plan. Used by {@code dpl run},
 * {@code dpl validate} and {@code dpl graph}.
 */
public final class TopologyCompiler
{
    private TopologyCompiler()
    {
    }

    /**
     * Compiles topology files, substituting from the process environment.
     *
     * @param files   topology files, composed into one topology in the order given
     * @param sets    {@code key=value} overrides, applied in order after the files
     * @param catalog the device types
     */
    public static Compilation compile(final List<Path> files, final List<String> sets, final DeviceCatalog catalog)
    {
        return compile(files, sets, catalog, System.getenv());
    }

    /** As {@link #compile(List, List, DeviceCatalog)}, with {@code environment} in place of the process environment. */
    public static Compilation compile(final List<Path> files, final List<String> sets, final DeviceCatalog catalog,
        final Map<String, String> environment)
    {
        final List<Problem> problems = new ArrayList<>();
        return compile(files, sets, catalog, environment, GpuDiscovery.fromClassPath());
    }

    /** As {@link #compile(List, List, DeviceCatalog, Map)}, finding GPUs with {@code gpus} (asked only when a device needs a GPU). */
    public static Compilation compile(final List<Path> files, final List<String> sets, final DeviceCatalog catalog,
        final Map<String, String> environment, final GpuDiscovery gpus)
    {
        final List<Problem> problems = new ArrayList<>();
        final LoadedTopology loaded = new TopologyLoader(environment).load(files, sets, problems);
        final int loadProblems = problems.size();
        final DeviceCatalog types = LibrariesReader.extend(catalog, loaded.config().root().get(TopologyKeys.LIBRARIES), problems);
        if (problems.size() > loadProblems)
        {
            // a library failed: its devices would all be "unknown types", which only repeats the one problem
            return new Compilation(null, List.copyOf(ProblemOrder.sorted(problems, loaded.sources())), loaded.config());
        }
        final Topology topology = new TopologyValidator(types).validate(loaded, problems);
        final Map<String, GpuPlacement> placements = problems.isEmpty() ? GpuPlanning.place(topology, gpus, problems) : Map.of();
        final HostPlacement placement = HostPlacer.place(loaded.config().root(), topology.devices(), problems);
        final Plan planned = problems.isEmpty()
            ? LibrariesReader.withJars(TopologyPlanner.plan(topology, placements).withPlacement(placement), types) : null;
        if (planned != null)
        {
            DurableChannelHosts.check(planned, loaded.config().root(), problems);
            LimitCheck.check(topology, planned, loaded.config().root(), problems);
        }
        final Plan plan = problems.isEmpty() ? planned : null;
        return new Compilation(plan, List.copyOf(ProblemOrder.sorted(problems, loaded.sources())), loaded.config());
    }
}
