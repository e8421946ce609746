package org.jdpl.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jdpl.tools.bench.ChaosBench;
import org.jdpl.tools.bench.ChaosSettings;
import org.jdpl.tools.bench.TransportBenchReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpl bench chaos [--minutes N] [--json FILE]}: random kill -9 of devices in a running chain. */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description = {
        "Chaos: source -> forwarder x2 (on-crash = restart) -> checksum sink (restart), and an expendable checksum",
        "sink x2 beside it, while random device processes get kill -9 at random moments (from --seed, repeatable;",
        "never the source, which cannot restart, nor the last live spare);",
        "then a stop. Checks every produced timeslice is completed, dropped or lost where a device died",
        "(chaos.unaccounted = 0), and no process or shared memory is left. Exit 1 when any of these fails."})
final class BenchChaosCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Option(names = "--minutes", paramLabel = "N", description = "How long the chaos lasts, in minutes (default: ${DEFAULT-VALUE}).")
    double minutes = 10;

    @Option(names = "--kill-every", paramLabel = "SECONDS", description = "Mean time between kills (default: ${DEFAULT-VALUE}).")
    double killEvery = 5;

    @Option(names = "--rate", paramLabel = "HZ", description = "Timeslices a second from the source (default: ${DEFAULT-VALUE}).")
    int rateHz = 200;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the kills' moments and victims (default: ${DEFAULT-VALUE}).")
    long seed = 21;

    @Override
    public Integer call()
    {
        if (!(minutes > 0) || !(killEvery > 0) || rateHz <= 0)
        {
            throw new UserError("--minutes, --kill-every and --rate must be positive", ExitCode.USAGE);
        }
        final PrintWriter out = spec.commandLine().getOut();
        final Map<String, Double> r;
        try
        {
            r = new ChaosBench(new ChaosSettings((long)(minutes * 60_000), rateHz, killEvery, seed), out).run();
        }
        catch (final IllegalStateException ex)
        {
            throw new UserError(ex.getMessage(), ExitCode.FAILED);
        }
        ChaosBench.print(r, out);
        if (json != null)
        {
            TransportBenchReport.writeJson(r, json);
            out.println("results written to " + json);
        }
        return ChaosBench.held(r) ? ExitCode.OK : ExitCode.FAILED;
    }
}
