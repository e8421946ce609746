package org.jdpl.tools.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.topology.Compilation;
import org.jdpl.framework.topology.TopologyCompiler;
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

    /** Loads, validates and plans the topology against the device types on the class path. */
    public Compilation compile()
    {
        return TopologyCompiler.compile(files, sets, catalog());
    }

    /** The device types on the class path; a type packaged without its defaults is reported without a stack trace. */
    static DeviceCatalog catalog()
    {
        try
        {
            return DeviceCatalog.load();
        }
        catch (final IllegalStateException e)
        {
            throw new UserError("cannot load the device types: " + e.getMessage(), ExitCode.FAILED);
        }
    }

    /** The files as the user named them, for summaries. */
    public String fileNames()
    {
        final List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.toString()));
        return String.join(", ", names);
    }
}
