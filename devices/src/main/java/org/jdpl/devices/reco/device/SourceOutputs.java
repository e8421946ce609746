package org.jdpl.devices.reco.device;

import java.util.List;

import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.event.SourceTimeframeWriter;
import org.jdpl.devices.reco.geometry.DetectorGeometry;
import org.jdpl.framework.device.Outputs;

/** The outputs shared by both event sources (reader, simulator): labels, default specs, and writing a timeframe. */
final class SourceOutputs
{
    static final String CELLS = "cells";
    static final String MODULES = "modules";
    static final String HITS = "hits";
    static final String HIT_IDS = "hitids";
    static final String TRUTH = "truth";
    static final String PARTICLES = "particles";

    static final List<String> SPECS = List.of(CELLS + ":TRK/CELLS/0", MODULES + ":TRK/MODULES/0", HITS + ":TRK/HITS/0",
        HIT_IDS + ":TRK/HITIDS/0", TRUTH + ":TRK/TRUTH/0", PARTICLES + ":TRK/PARTICLES/0");

    private final SourceTimeframeWriter writer = new SourceTimeframeWriter();

    void write(final List<SourceEvent> events, final DetectorGeometry geometry, final Outputs outputs)
    {
        writer.write(events, geometry, (kind, size) -> outputs.make(label(kind), size));
    }

    private static String label(final SourceTimeframeWriter.Kind kind)
    {
        return switch (kind)
        {
            case CELLS -> CELLS;
            case MODULES -> MODULES;
            case HITS -> HITS;
            case HIT_IDS -> HIT_IDS;
            case TRUTH -> TRUTH;
            case PARTICLES -> PARTICLES;
        };
    }

    private SourceOutputs()
    {
    }

    static SourceOutputs create()
    {
        return new SourceOutputs();
    }
}
