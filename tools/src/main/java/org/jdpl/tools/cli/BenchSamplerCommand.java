package org.jdpl.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jdpl.framework.driver.RunDirectories;
import org.jdpl.tools.bench.SamplerBench;
import org.jdpl.tools.bench.TransportBenchReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpl bench sampler [--devices N] [--samples N] [--json FILE]}: the cost of the run's time series ({@link SamplerBench}). */
@Command(
    name = "sampler",
    mixinStandardHelpOptions = true,
    description = {"The Driver's time series: CPU time, allocation and bytes written per sample of an N-device run's counters,",
        "against reading the counters once (the baseline, same run); and what one sample a second costs."})
final class BenchSamplerCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--devices", paramLabel = "N", defaultValue = "20", description = "Devices in the chain (default ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "2000", description = "Samples measured (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws IOException
    {
        if (devices < 2 || samples < 1)
        {
            throw new UserError("--devices must be at least 2 and --samples at least 1");
        }
        final PrintWriter out = spec.commandLine().getOut();
        final Path dir = Files.createTempDirectory("jdpl-bench-sampler");
        final Map<String, Double> r;
        try
        {
            r = new SamplerBench(devices, samples, dir).run();
        }
        finally
        {
            RunDirectories.deleteTree(dir);
        }
        SamplerBench.print(r, out);
        if (json != null)
        {
            TransportBenchReport.writeJson(r, json);
            out.println("results written to " + json);
        }
        return ExitCode.OK;
    }
}
