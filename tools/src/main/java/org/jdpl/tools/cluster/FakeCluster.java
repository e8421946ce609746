package org.jdpl.tools.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code scripts/fake-cluster} seen from Java: brings fake hosts up and down, runs commands on them,
 * injects loss. Closing it takes the cluster down when this object brought it up.
 */
public final class FakeCluster implements AutoCloseable
{
    /** The script's exit code for "this machine cannot host a fake cluster" (not root, packages missing). */
    public static final int CANNOT_BUILD = 77;
    private static final long SCRIPT_TIMEOUT_SECONDS = 90;

    private final Path script;
    private final Map<String, String> addresses;
    private final boolean ownsCluster;

    private FakeCluster(final Path script, final Map<String, String> addresses, final boolean ownsCluster)
    {
        this.script = script;
        this.addresses = addresses;
        this.ownsCluster = ownsCluster;
    }

    /**
     * Brings up {@code hostCount} fake hosts, or joins the fake cluster already up when it has at least
     * that many (then {@link #close} leaves it up).
     *
     * @throws Unavailable when this machine cannot build one; its message says why
     */
    public static FakeCluster upOrJoin(final int hostCount) throws Unavailable
    {
        final Path script = locateScript().orElseThrow(() -> new Unavailable(
            "scripts/fake-cluster not found (looked under -Djdpl.home and above the working directory)"));
        final ScriptResult existing = runScript(script, List.of("hosts"));
        if (existing.exitCode() == 0 && parseHosts(existing.output()).size() >= hostCount)
        {
            return new FakeCluster(script, parseHosts(existing.output()), false);
        }
        final ScriptResult up = runScript(script, List.of("up", Integer.toString(hostCount)));
        if (up.exitCode() == CANNOT_BUILD)
        {
            throw new Unavailable(up.output().strip());
        }
        if (up.exitCode() != 0)
        {
            throw new IllegalStateException("scripts/fake-cluster up " + hostCount + " failed (exit " + up.exitCode() + "):\n" +
                up.output().strip());
        }
        final ScriptResult hosts = runScript(script, List.of("hosts"));
        return new FakeCluster(script, parseHosts(hosts.output()), true);
    }

    /** Host names in order (h1, h2, ...) with their addresses. */
    public Map<String, String> addresses()
    {
        return addresses;
    }

    public String addressOf(final String host)
    {
        final String address = addresses.get(host);
        if (address == null)
        {
            throw new IllegalArgumentException("no fake host '" + host + "'; hosts are " + addresses.keySet());
        }
        return address;
    }

    /** The command line that runs {@code command} on {@code host}. */
    public List<String> onHost(final String host, final List<String> command)
    {
        final List<String> full = new ArrayList<>(List.of(script.toString(), "exec", host));
        full.addAll(command);
        return full;
    }

    /** Drops {@code percent} % of the packets arriving at {@code host} (0 removes the rule). */
    public void loss(final String host, final double percent)
    {
        final ScriptResult result = runScript(script, List.of("loss", host, Double.toString(percent)));
        if (result.exitCode() != 0)
        {
            throw new IllegalStateException("scripts/fake-cluster loss " + host + " failed: " + result.output().strip());
        }
    }

    public Path script()
    {
        return script;
    }

    @Override
    public void close()
    {
        if (ownsCluster)
        {
            final ScriptResult down = runScript(script, List.of("down"));
            if (down.exitCode() != 0)
            {
                throw new IllegalStateException("scripts/fake-cluster down failed: " + down.output().strip());
            }
        }
    }

    /** Takes any fake cluster down (safe when none is up). */
    public static void downIfPresent()
    {
        locateScript().ifPresent(script -> runScript(script, List.of("down")));
    }

    static Optional<Path> locateScript()
    {
        final List<Path> starts = new ArrayList<>();
        final String home = System.getProperty("jdpl.home");
        if (home != null)
        {
            starts.add(Path.of(home));
        }
        starts.add(Path.of(System.getProperty("user.dir")));
        for (final Path start : starts)
        {
            for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent())
            {
                final Path candidate = dir.resolve("scripts").resolve("fake-cluster");
                if (Files.isExecutable(candidate))
                {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> parseHosts(final String output)
    {
        final Map<String, String> hosts = new LinkedHashMap<>();
        for (final String line : output.strip().split("\n"))
        {
            final String[] parts = line.strip().split("\\s+");
            if (parts.length == 2)
            {
                hosts.put(parts[0], parts[1]);
            }
        }
        return hosts;
    }

    private record ScriptResult(int exitCode, String output)
    {
    }

    private static ScriptResult runScript(final Path script, final List<String> args)
    {
        final List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(args);
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            final byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + SCRIPT_TIMEOUT_SECONDS + " s");
            }
            return new ScriptResult(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot run " + script + ": " + ex.getMessage(), ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), ex);
        }
    }

    /** This machine cannot build a fake cluster; the message says why (tests skip with it). */
    public static final class Unavailable extends Exception
    {
        private static final long serialVersionUID = 1L;

        public Unavailable(final String message)
        {
            super(message);
        }
    }
}
