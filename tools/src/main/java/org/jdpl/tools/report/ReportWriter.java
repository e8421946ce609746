package org.jdpl.tools.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jdpl.tools.cli.UserError;
import org.jdpl.tools.view.RunEntry;

/** Writes a run's report: {@code runs/<run-id>/report.html}, or {@code <run-id>.html} in the directory given. */
public final class ReportWriter
{
    public static final String FILE = "report.html";

    private ReportWriter()
    {
    }

    /** Writes the report of {@code run} into {@code outDir} (null: the run's directory) and returns its path. */
    public static Path write(final RunEntry run, final Path outDir)
    {
        final Path file = outDir == null ? run.dir().resolve(FILE) : outDir.resolve(run.id() + ".html");
        final String page;
        try
        {
            page = ReportPage.render(RunReport.of(run));
        }
        catch (final IOException ex)
        {
            throw new UserError("cannot read run " + run.id() + " in " + run.dir() + ": " + ex.getMessage());
        }
        try
        {
            if (outDir != null)
            {
                Files.createDirectories(outDir);
            }
            Files.writeString(file, page, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UserError("cannot write the report to " + file.toAbsolutePath() + " (" + ex.getClass().getSimpleName().replace("Exception", "") +
                (ex.getMessage() != null && !ex.getMessage().equals(file.toString()) ? ": " + ex.getMessage() : "") +
                "); give --out a directory you can write");
        }
        return file;
    }
}
