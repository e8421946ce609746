package org.jdpl.framework.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * How the launching host starts a command on another host: a command prefix in which {@code {host}}
 * stands for the host's name, and {@code {address}} for its address. Empty: a local process (every
 * "host" on this machine, as tests run them). {@code ip netns exec {host}} runs it in a network
 * namespace; {@code srun -w {host} --nodes=1 --ntasks=1} on a Slurm node.
 */
public record HostLauncher(List<String> prefix)
{
    public static final HostLauncher LOCAL = new HostLauncher(List.of());

    public HostLauncher
    {
        prefix = List.copyOf(prefix);
    }

    /** A launcher from a prefix written as one string ({@code "srun -w {host} --nodes=1 --ntasks=1"}), split at spaces. */
    public static HostLauncher parse(final String prefix)
    {
        return prefix == null || prefix.isBlank() ? LOCAL : new HostLauncher(List.of(prefix.trim().split("\\s+")));
    }

    /** The full command that runs {@code command} on {@code host}. */
    public List<String> command(final String host, final String address, final List<String> command)
    {
        final List<String> full = new ArrayList<>();
        for (final String part : prefix)
        {
            full.add(part.replace("{host}", host).replace("{address}", address));
        }
        full.addAll(command);
        return full;
    }
}
