package org.jdpl.devices.record;

import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;

/** Registers {@code tf-replayer}: a source that sends a recorded queue again. */
public final class TfReplayerFactory implements DeviceFactory
{
    public static final String TYPE = "tf-replayer";
    static final String PATH = "path";
    static final String PACE = "pace";

    @Override
    public String type()
    {
        return TYPE;
    }

    @Override
    public String description()
    {
        return "replays a recorded queue (tf-recorder's, or a durable channel's) as a source; list the recorded specs as outputs";
    }

    @Override
    public List<String> inputs()
    {
        return List.of();
    }

    @Override
    public List<String> outputs()
    {
        return List.of("out:TST/REPLAY/0");
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of(
            OptionSpec.of(PATH, OptionType.STRING, "directory of the queue: what a tf-recorder wrote, or runs/<run>/queues/<queue>"),
            OptionSpec.of(PACE, OptionType.STRING, "fast (as fast as the consumers take them) or original (the recorded pace)"));
    }

    @Override
    public Device create()
    {
        return new TfReplayer();
    }
}
