package org.jdpl.devices.reco.device;

import org.jdpl.devices.reco.chain.ReconstructionSteps;
import org.jdpl.devices.reco.find.FinderConfig;
import org.jdpl.devices.reco.score.ScoreTally;
import org.jdpl.devices.reco.seed.SeedConfig;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.EndOfStreamContext;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.Metrics;
import org.jdpl.framework.device.ProcessingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores each timeframe (weights normalised over its events) and keeps run totals (normalised over
 * all events). The metrics {@code score}, {@code efficiency}, {@code fakeRate}, {@code duplicateRate},
 * {@code ptResolution} hold the running totals; {@code timeframeScore} the last timeframe's score. Events
 * without truth (real data) are counted in {@code eventsWithoutTruth} and not scored: a run of them ends
 * cleanly with "no truth: nothing scored", and without score metrics rather than a score of 0.
 */
final class TrackmlScorerDevice implements Device
{
    private final StepTime stepTime = new StepTime();
    private static final Logger LOG = LoggerFactory.getLogger(TrackmlScorerDevice.class);

    private final ScoreTally timeframe = new ScoreTally();
    private final ScoreTally total = new ScoreTally();
    private ReconstructionSteps steps;

    @Override
    public void init(final InitContext ctx)
    {
        steps = new ReconstructionSteps(SeedConfig.defaults(), FinderConfig.defaults(),
            ReconstructionSteps.TRACKML_UNIFORM_FIELD_HALF_LENGTH_MM, ctx.options().getDouble("efficiency-pt-min"),
            ctx.options().getInt("efficiency-min-hits"));
    }

    @Override
    public void process(final ProcessingContext ctx)
    {
        final long startNs = System.nanoTime();
        timeframe.reset();
        steps.score(ctx.inputs().get("trackhits").payload(), ctx.inputs().get("tracks").payload(), ctx.inputs().get("truth").payload(),
            ctx.inputs().get("particles").payload(), timeframe);
        if (timeframe.eventsWithoutTruth() > 0 && total.eventsWithoutTruth() == 0)
        {
            LOG.info("{}: timeslice {} has events without truth: they are not scored", ctx.info().name(), ctx.timeslice());
        }
        total.add(timeframe);
        publish(ctx.metrics());
        if (timeframe.events() > 0)
        {
            ctx.metrics().set("timeframeScore", timeframe.score());
            LOG.info("{} timeslice {}: {}", ctx.info().name(), ctx.timeslice(), timeframe);
        }
        stepTime.add(ctx.metrics(), startNs);
    }

    @Override
    public void endOfStream(final EndOfStreamContext ctx)
    {
        publish(ctx.metrics());
        LOG.info("{} total: {}", ctx.info().name(), total);
    }

    /** The run's totals so far. */
    ScoreTally total()
    {
        return total;
    }

    private void publish(final Metrics metrics)
    {
        metrics.set("events", total.events());
        metrics.set("eventsWithoutTruth", total.eventsWithoutTruth());
        if (total.events() == 0)
        {
            return;
        }
        metrics.set("score", total.score());
        metrics.set("fakeRate", total.fakeRate());
        metrics.set("duplicateRate", total.duplicateRate());
        metrics.set("tracks", total.tracks());
        if (total.eventsWithParticles() > 0)
        {
            metrics.set("efficiency", total.efficiency());
            metrics.set("ptResolution", total.ptResolution());
        }
    }
}
