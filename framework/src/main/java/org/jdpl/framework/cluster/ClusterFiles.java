package org.jdpl.framework.cluster;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.jdpl.framework.driver.RunSummary;
import org.jdpl.framework.plan.Plan;

/** The files the launching host and its agents exchange: the plan every agent runs its part of, and each agent's summary; and the cluster run's summary. */
public final class ClusterFiles
{
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .enable(SerializationFeature.INDENT_OUTPUT);

    private ClusterFiles()
    {
    }

    public static void writePlan(final Path file, final Plan plan) throws IOException
    {
        MAPPER.writeValue(file.toFile(), plan);
    }

    public static Plan readPlan(final Path file) throws IOException
    {
        return MAPPER.readValue(file.toFile(), Plan.class);
    }

    /** The cluster run's summary, as {@code summary.json} in its run directory (so {@code dpl status} sees it ended). */
    public static void writeSummary(final Path file, final ClusterSummary summary) throws IOException
    {
        MAPPER.writeValue(file.toFile(), summary);
    }

    public static RunSummary readSummary(final Path file) throws IOException
    {
        return MAPPER.readValue(file.toFile(), RunSummary.class);
    }
}
