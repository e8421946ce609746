package org.jdpl.devices.reco.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jdpl.devices.reco.event.Cells;
import org.jdpl.devices.reco.event.Particles;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.TrackHits;
import org.jdpl.devices.reco.event.Tracks;
import org.jdpl.devices.reco.event.Truth;
import org.jdpl.devices.reco.find.FinderConfig;
import org.jdpl.devices.reco.qc.Binning;
import org.jdpl.devices.reco.qc.QcConfig;
import org.jdpl.devices.reco.qc.TrackQc;
import org.jdpl.framework.device.DeviceSpec;
import org.jdpl.framework.device.InputPort;
import org.jdpl.framework.device.Option;
import org.jdpl.framework.device.OutputPort;
import org.jdpl.framework.device.ProcessFunction;
import org.jdpl.framework.device.Setup;
import org.jdpl.framework.device.Timeslice;
import org.jdpl.framework.run.RunLayout;

/**
 * {@code trackml-qc}: physics histograms of the reconstruction ({@link TrackQc}) from the scorer's inputs, plus the
 * cells when they flow (cluster sizes). The histograms so far go out on {@code qc} as JSON every {@code publish-every}
 * timeframes and at the end of the stream (for a consumer that takes them as a {@code condition} input), and are
 * written at the end to {@code runs/<run-id>/qc/<device>.<replica>.json}; {@code dpl report} merges the replicas'.
 */
public final class TrackmlQc extends DeviceSpec
{
    private final InputPort trackHits = input("trackhits", "TRK/TRACKHITS");
    private final InputPort tracks = input("tracks", "TRK/TRACKS");
    private final InputPort truth = input("truth", "TRK/TRUTH");
    private final InputPort particles = input("particles", "TRK/PARTICLES");
    private final InputPort cells = input("cells", "TRK/CELLS?lifetime=optional");
    private final OutputPort qc = output("qc", "QC/TRACKML/0");

    private final QcConfig defaults = QcConfig.defaults();
    private final Option<String> ptBinning = binning("pt-binning", defaults.pt(), "true pT [GeV] of the efficiency");
    private final Option<String> etaBinning = binning("eta-binning", defaults.eta(), "eta of the efficiency, fake and duplicate rates");
    private final Option<String> ptResidualBinning = binning("pt-residual-binning", defaults.ptResidual(), "relative pT residual");
    private final Option<String> d0ResidualBinning = binning("d0-residual-binning", defaults.d0Residual(), "d0 residual [mm]");
    private final Option<String> z0ResidualBinning = binning("z0-residual-binning", defaults.z0Residual(), "z0 residual [mm]");
    private final Option<String> pullBinning = binning("pull-binning", defaults.pull(), "the pT, d0 and z0 pulls");
    private final Option<String> hitsBinning = binning("hits-binning", defaults.hits(), "hits per track");
    private final Option<String> chi2Binning = binning("chi2-binning", defaults.chi2Ndf(), "track chi2/ndf");
    private final Option<String> clusterSizeBinning = binning("cluster-size-binning", defaults.clusterSize(), "cells per hit on tracks");
    private final Option<Double> efficiencyPtMin = doubleOption("efficiency-pt-min", defaults.efficiencyPtMin(), 0, 1000,
        "particles above this pT (GeV) count for the efficiency vs eta (as the scorer's)");
    private final Option<Integer> efficiencyMinHits = intOption("efficiency-min-hits", defaults.efficiencyMinHits(), 1, 100,
        "particles with at least this many hits count for the efficiency (as the scorer's)");
    private final Option<Integer> publishEvery = intOption("publish-every", 1, 0, 1_000_000,
        "send the histograms so far on 'qc' every this many timeframes; 0 = only at the end of the stream");

    public TrackmlQc()
    {
        super("trackml-qc", "QC histograms of tracks against truth: efficiency vs pT and eta, pT/d0/z0 residuals and pulls, hits per " +
            "track, chi2/ndf, fake and duplicate rates vs eta, cluster sizes; JSON in the run directory and on its 'qc' output");
    }

    private Option<String> binning(final String name, final Binning value, final String what)
    {
        return stringOption(name, value.bins() + "," + number(value.min()) + "," + number(value.max()), "bins,min,max of " + what);
    }

    /** 5, not 5.0; 0.2 as it is. */
    private static String number(final double value)
    {
        return value == Math.rint(value) ? Long.toString((long)value) : Double.toString(value);
    }

    @Override
    protected ProcessFunction init(final Setup setup)
    {
        final QcConfig config = new QcConfig(
            Binning.parse("pt-binning", setup.get(ptBinning)), Binning.parse("eta-binning", setup.get(etaBinning)),
            Binning.parse("pt-residual-binning", setup.get(ptResidualBinning)),
            Binning.parse("d0-residual-binning", setup.get(d0ResidualBinning)),
            Binning.parse("z0-residual-binning", setup.get(z0ResidualBinning)), Binning.parse("pull-binning", setup.get(pullBinning)),
            Binning.parse("hits-binning", setup.get(hitsBinning)), Binning.parse("chi2-binning", setup.get(chi2Binning)),
            Binning.parse("cluster-size-binning", setup.get(clusterSizeBinning)), setup.get(efficiencyPtMin),
            setup.get(efficiencyMinHits), FinderConfig.defaults().bFieldTesla());
        final Filler filler = new Filler(new TrackQc(config), setup.get(publishEvery));
        final Path file = RunLayout.qc(setup.info().runDirectory(), setup.info().name(), setup.info().replica());
        setup.onEndOfStream(ts ->
        {
            final byte[] json = filler.trackQc.histograms().toJsonBytes();
            ts.snapshot(qc, MemorySegment.ofArray(json));
            write(file, json);
        });
        return filler::process;
    }

    private static void write(final Path file, final byte[] json)
    {
        try
        {
            Files.createDirectories(file.getParent());
            Files.write(file, json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the QC histograms to " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** One instance's histograms and the tables it reads them from. */
    private final class Filler
    {
        private final TrackQc trackQc;
        private final int publishEvery;
        private final Table trackHitsIn = new Table(TrackHits.LAYOUT);
        private final Table tracksIn = new Table(Tracks.LAYOUT);
        private final Table truthIn = new Table(Truth.LAYOUT);
        private final Table particlesIn = new Table(Particles.LAYOUT);
        private final Table cellsIn = new Table(Cells.LAYOUT);
        private long timeframes;

        Filler(final TrackQc qc, final int publishEvery)
        {
            this.trackQc = qc;
            this.publishEvery = publishEvery;
        }

        void process(final Timeslice ts)
        {
            trackHitsIn.wrap(ts.input(trackHits).payload());
            tracksIn.wrap(ts.input(tracks).payload());
            truthIn.wrap(ts.input(truth).payload());
            particlesIn.wrap(ts.input(particles).payload());
            final Table cellTable = ts.has(cells) ? cellsIn.wrap(ts.input(cells).payload()) : null;
            trackQc.histograms().count("timeframes", 1);
            if (cellTable == null)
            {
                trackQc.histograms().count("timeframesWithoutCells", 1);
            }
            for (int e = 0; e < truthIn.eventCount(); e++)
            {
                trackQc.fillEvent(truthIn, particlesIn, trackHitsIn, tracksIn, cellTable, e);
            }
            ts.metrics().set("events", trackQc.histograms().count("events"));
            ts.metrics().set("tracks", trackQc.histograms().count("tracks"));
            if (publishEvery > 0 && ++timeframes % publishEvery == 0)
            {
                ts.snapshot(qc, MemorySegment.ofArray(trackQc.histograms().toJsonBytes()));
            }
        }
    }
}
