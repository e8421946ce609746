package org.jdpl.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jdpl.tools.bench.GpuBench;
import org.jdpl.tools.bench.TransportBenchReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dpl bench gpu [--json FILE]}: the GPU clusterizer against the CPU one on the same timeframes. */
@Command(
    name = "gpu",
    mixinStandardHelpOptions = true,
    description = {
        "GPU against CPU: simulated timeframes fan out to clusterizer (CPU reference) and gpu-clusterizer in one run;",
        "a payload-compare sink checks their outputs are identical. Prints each one's ms per timeframe and the ratio.",
        "Exit 1 when the outputs differ."})
final class BenchGpuCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Option(names = "--timeframes", paramLabel = "N", description = "How many timeframes (default: ${DEFAULT-VALUE}).")
    int timeframes = 20;

    @Option(names = "--events-per-timeframe", paramLabel = "N", description = "Simulated events per timeframe (default: ${DEFAULT-VALUE}).")
    int eventsPerTimeframe = 2;

    @Option(names = "--particles-per-event", paramLabel = "N", description = "Particles per event (default: ${DEFAULT-VALUE}).")
    int particlesPerEvent = 400;

    @Option(names = "--backend", paramLabel = "NAME", description = "auto (CUDA, OpenCL, CPU reference) or a backend name (default: ${DEFAULT-VALUE}).")
    String backend = "auto";

    @Override
    public Integer call()
    {
        if (timeframes < 1 || eventsPerTimeframe < 1 || particlesPerEvent < 1)
        {
            throw new UserError("--timeframes, --events-per-timeframe and --particles-per-event must be at least 1", ExitCode.USAGE);
        }
        final PrintWriter out = spec.commandLine().getOut();
        final Map<String, Object> r;
        try
        {
            r = new GpuBench(timeframes, eventsPerTimeframe, particlesPerEvent, backend).run();
        }
        catch (final IllegalStateException ex)
        {
            throw new UserError(ex.getMessage(), ExitCode.FAILED);
        }
        GpuBench.print(r, out);
        if (json != null)
        {
            TransportBenchReport.writeJson(r, json);
            out.println("results written to " + json);
        }
        return Boolean.TRUE.equals(r.get("identicalToCpu")) ? ExitCode.OK : ExitCode.FAILED;
    }
}
