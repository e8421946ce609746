package org.jdpl.tools.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jdpl.framework.topology.Compilation;
import org.jdpl.framework.topology.TopologyCompiler;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every command reading a topology takes: the files, and {@code --set} overrides. */
public final class TopologyFilesMixin
{
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Topology files (HOCON); several compose into one topology.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE",
        description = "Override a value: a full path (shm.segment-size=1G), <device>.<key> (fwd.pipeline=2) "
            + "or <device>.<option> (source.timeslices=10). Repeatable; the value is HOCON.")
    List<String> sets = new ArrayList<>();

    @Mixin
    DeviceLibrariesMixin libraries = new DeviceLibrariesMixin();

    /** Loads, validates and plans the topology against the device types of the class path and the device libraries. */
    public Compilation compile()
    {
        return TopologyCompiler.compile(files, sets, libraries.catalog());
    }

    /** The files as the user named them, for summaries. */
    public String fileNames()
    {
        final List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.toString()));
        return String.join(", ", names);
    }
}
