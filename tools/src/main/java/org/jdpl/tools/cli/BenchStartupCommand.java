package org.jdpl.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jdpl.framework.driver.RunDirectories;
import org.jdpl.tools.bench.StartupBench;
import org.jdpl.tools.bench.TransportBenchReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpl bench startup [--json FILE] [--repetitions N]}: start-up time and memory per device process ({@link StartupBench}). */
@Command(
    name = "startup",
    mixinStandardHelpOptions = true,
    description = {
        "Start-up: an 8-device chain (counter-source, 6 forwarders, checksum-sink; one timeframe) run by dpl run,",
        "as 8 processes and as one process group, with the start-up (AOT) cache and without it, in the same",
        "invocation. Prints the medians: ms to the first timeframe and to the end, RSS/PSS and CPU time of a",
        "device process at its first timeframe, the Driver's RSS. The AOT column needs dpl started by ./dpl."})
final class BenchStartupCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Option(names = "--repetitions", paramLabel = "N", defaultValue = "5", description = "Runs of each kind (default ${DEFAULT-VALUE}).")
    int repetitions;

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        if (repetitions < 1)
        {
            throw new UserError("--repetitions must be at least 1", ExitCode.USAGE);
        }
        if (!StartupBench.aotAvailable())
        {
            out.println("this dpl did not start from a usable AOT cache (start it with ./dpl): measuring without the cache only");
        }
        final Path dir = Files.createTempDirectory("jdpl-bench-startup");
        final Map<String, Double> r;
        try
        {
            r = new StartupBench(repetitions, dir, out).run();
        }
        catch (final IllegalStateException ex)
        {
            throw new UserError(ex.getMessage(), ExitCode.FAILED);
        }
        finally
        {
            RunDirectories.deleteTree(dir);
        }
        StartupBench.print(r, out);
        if (json != null)
        {
            TransportBenchReport.writeJson(r, json);
            out.println("results written to " + json);
        }
        return ExitCode.OK;
    }
}
