package org.jdpl.devices.reco.device;

import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;

/** {@code track-writer}: each event's tracks as a TrackML submission CSV and a CSV of fitted track parameters. */
public final class TrackWriterFactory implements DeviceFactory
{
    static final String OUT = "out";
    static final String GZIP = "gzip";

    @Override
    public String type()
    {
        return "track-writer";
    }

    @Override
    public String description()
    {
        return "writes each event's tracks: eventNNN-submission.csv (event_id,hit_id,track_id; every hit once, 0: no track) and " +
            "eventNNN-track-parameters.csv (pT, eta, phi, d0, z0, chi2/ndf, hits); prints the files at the end";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("hitids:TRK/HITIDS", "trackhits:TRK/TRACKHITS", "tracks:TRK/TRACKS");
    }

    @Override
    public List<String> outputs()
    {
        return List.of();
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of(
            OptionSpec.of(OUT, OptionType.STRING, "directory to write into (created when missing); empty: <run directory>/tracks"),
            OptionSpec.of(GZIP, OptionType.BOOLEAN, "write .csv.gz instead of .csv"));
    }

    @Override
    public Device create()
    {
        return new TrackWriterDevice();
    }
}
