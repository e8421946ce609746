package org.jdpl.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jdpl.tools.bench.TransportBench;
import org.jdpl.tools.bench.TransportBenchReport;
import org.jdpl.tools.bench.TransportBenchSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpl bench transport [--json FILE] [--quick]}: the transport benchmark ({@link TransportBench}). */
@Command(
    name = "transport",
    mixinStandardHelpOptions = true,
    description = {
        "Benchmark the transport: (a) raw Aeron IPC 64 B, (b) jdpl source -> sink 64 B, (c) zero-copy hand-off of",
        "64 KiB..1 GiB (median, p99), (d) fan-out 1 -> 3, (e) memcpy of the same sizes, (f) durable (Chronicle) edges,",
        "(g) in-process rings, Agrona against LMAX Disruptor, (h) throughput through the payload segment, 1 MiB and 16 MiB.",
        "Real processes; takes 2-3 minutes on two cores."})
final class BenchTransportCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Option(names = "--quick", description = "Tiny sizes and counts: checks that every step runs; the numbers mean little.")
    boolean quick;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final TransportBenchSettings settings = quick ? TransportBenchSettings.quick() : TransportBenchSettings.full();
        final Map<String, Double> results;
        try
        {
            results = new TransportBench(settings, out).run();
        }
        catch (final IllegalStateException ex)
        {
            throw new UserError(ex.getMessage(), ExitCode.FAILED);
        }
        TransportBenchReport.printTable(results, settings, out);
        if (json != null)
        {
            TransportBenchReport.writeJson(results, json);
            out.println("results written to " + json);
        }
        return ExitCode.OK;
    }
}
