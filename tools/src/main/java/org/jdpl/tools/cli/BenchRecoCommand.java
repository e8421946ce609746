package org.jdpl.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jdpl.tools.bench.RecoBench;
import org.jdpl.tools.bench.TransportBenchReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dpl bench reco [--json FILE] [--quick]}: the reconstruction chain's time per event and quality at several densities. */
@Command(
    name = "reco",
    mixinStandardHelpOptions = true,
    description = {
        "The reconstruction chain (clusterizer to scorer, in real device processes) on simulated events of rising density,",
        "one event a timeframe: each device's ms per event after a warm-up event, and score, efficiency, fake and duplicate",
        "rates at each density; scaling is the total ms per hit at the highest density over that at the lowest."})
final class BenchRecoCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Option(names = "--quick", description = "Densities 1000 and 2500 only, one timed event each.")
    boolean quick;

    @Option(names = "--particles", paramLabel = "N,N,...", split = ",",
        description = "Particles an event at each point, lowest first (default: 1000,2500,5000,10000).")
    List<Integer> particles = List.of(1000, 2500, 5000, 10000);

    @Option(names = "--events", paramLabel = "N", description = "Events timed at each point after the warm-up event (default: ${DEFAULT-VALUE}).")
    int events = 3;

    @Override
    public Integer call()
    {
        final List<Integer> densities = quick ? List.of(1000, 2500) : particles;
        final int timed = quick ? 1 : events;
        if (timed < 1 || densities.isEmpty() || densities.stream().anyMatch(p -> p < 1))
        {
            throw new UserError("--events and every --particles value must be at least 1", ExitCode.USAGE);
        }
        final PrintWriter out = spec.commandLine().getOut();
        final Map<String, Object> r;
        try
        {
            r = new RecoBench(densities, timed).run();
        }
        catch (final IllegalStateException ex)
        {
            throw new UserError(ex.getMessage(), ExitCode.FAILED);
        }
        RecoBench.print(densities, r, out);
        if (json != null)
        {
            TransportBenchReport.writeJson(r, json);
            out.println("results written to " + json);
        }
        return ExitCode.OK;
    }
}
