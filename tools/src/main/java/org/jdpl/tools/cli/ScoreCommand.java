package org.jdpl.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.typesafe.config.Config;
import org.jdpl.devices.reco.io.TrackmlFormatException;
import org.jdpl.devices.reco.score.ScoreTally;
import org.jdpl.devices.reco.score.SubmissionScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpl score --truth DIR FILE... [--json FILE]}: the TrackML score of submission files, by the chain's scorer. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {"Score TrackML submission files (event_id,hit_id,track_id; any column order; .csv or .csv.gz; track 0: no track) " +
        "against the truth files of DIR (eventNNN-truth.csv[.gz], and -particles for the efficiency), as trackml-scorer does in a run.",
        "A malformed file is one line naming file and line: a hit not in its event, a hit listed twice, a missing column."})
final class ScoreCommand implements Callable<Integer>
{
    /** Whose option defaults dpl score takes, so that it counts the efficiency as the chain does. */
    private static final String SCORER_TYPE = "trackml-scorer";

    @Spec
    CommandSpec spec;

    @Option(names = "--truth", required = true, paramLabel = "DIR", description = "Directory of the events' truth (and particles) files.")
    Path truth;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Submission files; each event in one file only.")
    List<Path> files;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    Path json;

    @Option(names = "--efficiency-pt-min", paramLabel = "GEV", description = "Particles above this pT count for the efficiency " +
        "(default: trackml-scorer's).")
    Double efficiencyPtMin;

    @Option(names = "--efficiency-min-hits", paramLabel = "N", description = "Particles with at least N hits count for the efficiency " +
        "(default: trackml-scorer's).")
    Integer efficiencyMinHits;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final Config defaults = DeviceLibrariesMixin.classPathCatalog().find(SCORER_TYPE).defaults();
        final ScoreTally tally = new ScoreTally();
        final List<SubmissionScorer.FileResult> results = new ArrayList<>();
        try
        {
            final SubmissionScorer scorer = new SubmissionScorer(truth,
                efficiencyPtMin != null ? efficiencyPtMin : defaults.getDouble("efficiency-pt-min"),
                efficiencyMinHits != null ? efficiencyMinHits : defaults.getInt("efficiency-min-hits"));
            for (final Path file : files)
            {
                final SubmissionScorer.FileResult result = scorer.score(file, tally);
                results.add(result);
                out.println(file + ": " + result.events().size() + " event(s)" + (result.hitsNotListed() > 0
                    ? ", " + result.hitsNotListed() + " hit(s) of the truth not listed (counted as on no track)" : ""));
            }
        }
        catch (final TrackmlFormatException e)
        {
            throw new UserError(e.getMessage());
        }
        out.println(tally);
        if (json != null)
        {
            writeJson(tally, results);
            out.println("figures written to " + json);
        }
        out.flush();
        return ExitCode.OK;
    }

    private void writeJson(final ScoreTally tally, final List<SubmissionScorer.FileResult> results)
    {
        final Map<String, Object> figures = new LinkedHashMap<>();
        final boolean scored = tally.events() > 0;
        final boolean particles = tally.eventsWithParticles() > 0;
        figures.put("score", scored ? tally.score() : null);
        figures.put("efficiency", particles ? tally.efficiency() : null);
        figures.put("fakeRate", scored ? tally.fakeRate() : null);
        figures.put("duplicateRate", scored ? tally.duplicateRate() : null);
        figures.put("events", tally.events());
        figures.put("eventsWithParticles", tally.eventsWithParticles());
        figures.put("tracks", tally.tracks());
        final List<Map<String, Object>> perFile = new ArrayList<>();
        for (final SubmissionScorer.FileResult result : results)
        {
            perFile.add(Map.of("file", result.file().toString(), "events", result.events(), "hitsNotListed", result.hitsNotListed()));
        }
        figures.put("files", perFile);
        try
        {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), figures);
        }
        catch (final IOException e)
        {
            throw new UserError("cannot write " + json + ": " + e.getMessage(), ExitCode.FAILED);
        }
    }
}
