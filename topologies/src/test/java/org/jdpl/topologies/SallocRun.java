package org.jdpl.topologies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.tools.cluster.FakeCluster;

/** {@code salloc -N3 dpl run FILE --launcher slurm} on fake host h1, as a real process, and the summary it writes. */
final class SallocRun implements AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DplProcess process;
    private final Path summaryFile;
    private int exitCode = -1;

    private SallocRun(final DplProcess process, final Path summaryFile)
    {
        this.process = process;
        this.summaryFile = summaryFile;
    }

    static SallocRun start(final FakeCluster cluster, final Path dir, final Path topology)
    {
        final Path summaryFile = dir.resolve("summary.json");
        final DplProcess process = DplProcess.start(
            dpl -> cluster.onHost("h1", Stream.concat(Stream.of("salloc", "-N3", "--quiet"), dpl.stream()).toList()),
            "run", topology.toString(), "--launcher", "slurm",
            "--runs-dir", dir.resolve("runs").toString(), "--summary-json", summaryFile.toString());
        return new SallocRun(process, summaryFile);
    }

    String output()
    {
        return process.output();
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
