package org.jdpl.tools.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Slurm allocation this process runs in ({@code salloc} or {@code sbatch}): its job id and its
 * nodes, each with the address Slurm reaches it at ({@code NodeAddr}). Read once with
 * {@code scontrol}, which must be on the PATH.
 */
public record SlurmAllocation(String jobId, Map<String, String> nodeAddresses)
{
    private static final long SCONTROL_TIMEOUT_SECONDS = 20;

    public SlurmAllocation
    {
        nodeAddresses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodeAddresses));
    }

    /**
     * The allocation named by the environment ({@code SLURM_JOB_ID}, {@code SLURM_JOB_NODELIST}).
     *
     * @throws IllegalStateException with a message for the user when there is none or scontrol fails
     */
    public static SlurmAllocation fromEnvironment(final Map<String, String> env)
    {
        final String jobId = env.get("SLURM_JOB_ID");
        final String nodeList = env.getOrDefault("SLURM_JOB_NODELIST", env.get("SLURM_NODELIST"));
        if (jobId == null || nodeList == null)
        {
            throw new IllegalStateException("--launcher slurm runs inside a Slurm allocation, and there is none here " +
                "(SLURM_JOB_ID / SLURM_JOB_NODELIST unset): start it under salloc or sbatch, e.g. 'salloc -N3 dpl run ...'");
        }
        final Map<String, String> addresses = new LinkedHashMap<>();
        for (final String node : scontrol(List.of("show", "hostnames", nodeList)).strip().split("\\s+"))
        {
            addresses.put(node, nodeAddress(node));
        }
        return new SlurmAllocation(jobId, addresses);
    }

    public List<String> nodes()
    {
        return List.copyOf(nodeAddresses.keySet());
    }

    /**
     * The command prefix that starts one process on a node of this allocation: one task on exactly that
     * node, sharing the allocation's CPUs with the other steps (each host agent is one step), stdin
     * closed, and the step killed when its process dies.
     */
    public static String stepPrefix()
    {
        return "srun --nodes=1 --ntasks=1 --overlap --input=none --kill-on-bad-exit=1 --quiet -w {host}";
    }

    private static String nodeAddress(final String node)
    {
        final String line = scontrol(List.of("show", "node", "-o", node));
        for (final String field : line.strip().split("\\s+"))
        {
            if (field.startsWith("NodeAddr="))
            {
                return field.substring("NodeAddr=".length());
            }
        }
        return node;
    }

    private static String scontrol(final List<String> args)
    {
        final List<String> command = new ArrayList<>(List.of("scontrol"));
        command.addAll(args);
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(SCONTROL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0)
            {
                process.destroyForcibly();
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed: " + output.strip());
            }
            return output;
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot run scontrol (is Slurm installed on this host?): " + ex.getMessage(), ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), ex);
        }
    }
}
