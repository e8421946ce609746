package org.jdpl.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jdpl.tools.bench.RateBench;
import org.jdpl.tools.bench.RateBenchSettings;
import org.jdpl.tools.bench.TransportBenchReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpl bench rate [--json FILE] [--quick]}: the rate-limit benchmark ({@link RateBench}). */
@Command(
    name = "rate",
    mixinStandardHelpOptions = true,
    description = {
        "Rate limiting: source -> slow stage (busy work with jitter) -> forwarder -> sink, run with the plain",
        "in-flight limit and with rate-limit.smooth = true. Prints the spread of timeframes in flight and the",
        "throughput of each, and their ratio smooth/plain, measured in the same invocation."})
final class BenchRateCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Option(names = "--quick", description = "Few timeframes: checks that both modes run; the numbers mean little.")
    boolean quick;

    @Option(names = "--samples", paramLabel = "PREFIX",
        description = "Also write the in-flight samples of each mode to PREFIX-plain.tsv and PREFIX-smooth.tsv.")
    Path samples;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final Map<String, Double> r;
        try
        {
            r = new RateBench(quick ? RateBenchSettings.quick() : RateBenchSettings.full(), out, samples).run();
        }
        catch (final IllegalStateException ex)
        {
            throw new UserError(ex.getMessage(), ExitCode.FAILED);
        }
        RateBench.print(r, out);
        if (json != null)
        {
            TransportBenchReport.writeJson(r, json);
            out.println("results written to " + json);
        }
        return ExitCode.OK;
    }
}
