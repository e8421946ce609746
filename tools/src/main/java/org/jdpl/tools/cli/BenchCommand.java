package org.jdpl.tools.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dpl bench KIND}: the benchmarks, each with its baselines measured in the same run. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a benchmark in real processes, with its baselines in the same invocation.",
    subcommands = {
        BenchTransportCommand.class,
        BenchSoakCommand.class,
        BenchGpuCommand.class,
        BenchServiceCommand.class,
        BenchRecoCommand.class,
        BenchNetCommand.class,
        BenchRateCommand.class,
        BenchStartupCommand.class,
        BenchSamplerCommand.class,
        BenchChaosCommand.class,
    })
final class BenchCommand implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
