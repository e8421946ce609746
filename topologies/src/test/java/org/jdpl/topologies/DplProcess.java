package org.jdpl.topologies;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** {@code dpl} as a real separate process (as ./dpl starts it), for signal and Driver-death tests. */
final class DplProcess implements AutoCloseable
{
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private DplProcess(final Process process)
    {
        this.process = process;
        this.reader = Thread.ofVirtual().start(this::readOutput);
    }

    static DplProcess start(final String... args)
    {
        return start(UnaryOperator.identity(), args);
    }

    /** {@code dpl} started by the command {@code wrap} makes of it ({@code salloc} on a fake host, say). */
    static DplProcess start(final UnaryOperator<List<String>> wrap, final String... args)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + System.getProperty("jdpl.jvmFlagsFile"));
        command.add("-Djdpl.jvmFlagsFile=" + System.getProperty("jdpl.jvmFlagsFile"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.jdpl.tools.Dpl");
        command.addAll(List.of(args));
        try
        {
            return new DplProcess(new ProcessBuilder(wrap.apply(command)).redirectErrorStream(true).start());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    long pid()
    {
        return process.pid();
    }

    String output()
    {
        return output.toString();
    }

    List<ProcessHandle> descendants()
    {
        return process.descendants().toList();
    }

    boolean isAlive()
    {
        return process.isAlive();
    }

    void signal(final String name) throws IOException, InterruptedException
    {
        final Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0)
        {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    void killForcibly()
    {
        process.destroyForcibly();
    }

    int waitFor(final long timeoutSeconds) throws InterruptedException
    {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS))
        {
            throw new AssertionError("dpl did not end within " + timeoutSeconds + " s; output:\n" + output);
        }
        reader.join(5_000);
        return process.exitValue();
    }

    private void readOutput()
    {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = in.readLine()) != null)
            {
                output.append(line).append('\n');
            }
        }
        catch (final IOException ex)
        {
            output.append("(output unreadable: ").append(ex.getMessage()).append(")\n");
        }
    }

    @Override
    public void close()
    {
        for (final ProcessHandle p : process.descendants().toList())
        {
            p.destroyForcibly();
        }
        process.destroyForcibly();
    }
}
