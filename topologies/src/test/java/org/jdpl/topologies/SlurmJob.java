package org.jdpl.topologies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.framework.driver.ProcStat;
import org.jdpl.tools.cluster.FakeCluster;

/**
 * {@code dpl run FILE --launcher slurm} in a three-node Slurm job of the fake cluster, submitted from
 * fake host h1 as a user would: interactively ({@code salloc -N3 dpl run ...}) or as a batch job
 * ({@code sbatch -N3 --wait --wrap "dpl run ..."}), as a real process; and the summary it writes.
 */
final class SlurmJob implements AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DplProcess process;
    private final Path summaryFile;
    private final Path jobOutput;
    private int exitCode = -1;

    private SlurmJob(final DplProcess process, final Path summaryFile, final Path jobOutput)
    {
        this.process = process;
        this.summaryFile = summaryFile;
        this.jobOutput = jobOutput;
    }

    static SlurmJob salloc(final FakeCluster cluster, final Path dir, final Path topology)
    {
        final Path summaryFile = dir.resolve("summary.json");
        final DplProcess process = DplProcess.start(
            dpl -> cluster.onHost("h1", Stream.concat(Stream.of("salloc", "-N3", "--quiet"), dpl.stream()).toList()),
            dplRun(dir, topology, summaryFile));
        return new SlurmJob(process, summaryFile, null);
    }

    /** A batch job: {@code sbatch --wait} returns when the job ended, with its exit code; its output goes to a file. */
    static SlurmJob sbatch(final FakeCluster cluster, final Path dir, final Path topology)
    {
        final Path summaryFile = dir.resolve("summary.json");
        final Path jobOutput = dir.resolve("job.out");
        final DplProcess process = DplProcess.start(
            dpl -> cluster.onHost("h1", List.of("sbatch", "-N3", "--wait", "--quiet", "--output=" + jobOutput,
                "--wrap=" + dpl.stream().map(SlurmJob::shellQuoted).collect(Collectors.joining(" ")))),
            dplRun(dir, topology, summaryFile));
        return new SlurmJob(process, summaryFile, jobOutput);
    }

    private static String[] dplRun(final Path dir, final Path topology, final Path summaryFile)
    {
        return new String[] {"run", topology.toString(), "--launcher", "slurm", "--runs-dir", dir.resolve("runs").toString(),
            "--summary-json", summaryFile.toString()};
    }

    private static String shellQuoted(final String word)
    {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** What dpl printed (for a batch job, what its output file holds so far after what sbatch said). */
    String output()
    {
        if (jobOutput == null)
        {
            return process.output();
        }
        try
        {
            return process.output() + (Files.exists(jobOutput) ? Files.readString(jobOutput) : "");
        }
        catch (final IOException ex)
        {
            return process.output() + "(cannot read " + jobOutput + ": " + ex.getMessage() + ")";
        }
    }

    /** Sends {@code signal} to the dpl process itself (not to salloc or sbatch, which handle signals their own way). */
    void signalDpl(final String signal) throws IOException, InterruptedException
    {
        final long dpl = process.descendants().stream()
            .filter(p -> List.of(ProcStat.commandLine(p.pid()).split(" ")).contains("org.jdpl.tools.Dpl"))
            .mapToLong(ProcessHandle::pid).findFirst()
            .orElseThrow(() -> new AssertionError("no dpl process under " + process.pid() + "; " + describe()));
        if (new ProcessBuilder("kill", "-" + signal, Long.toString(dpl)).inheritIO().start().waitFor() != 0)
        {
            throw new IllegalStateException("kill -" + signal + " " + dpl + " failed");
        }
    }

    int waitFor(final long timeoutSeconds) throws InterruptedException
    {
        exitCode = process.waitFor(timeoutSeconds);
        return exitCode;
    }

    int exitCode()
    {
        return exitCode;
    }

    JsonNode summary() throws IOException
    {
        if (!Files.exists(summaryFile))
        {
            throw new AssertionError("no summary written; " + describe());
        }
        return JSON.readTree(summaryFile.toFile());
    }

    String describe()
    {
        return "exit " + exitCode + "\n--- output ---\n" + output();
    }

    @Override
    public void close()
    {
        process.close();
    }
}
