package org.jdpl.devices.replay;

import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;

/** Registers {@code queue-replayer}: a source that replays a durable channel's queue. */
public final class QueueReplayerFactory implements DeviceFactory
{
    public static final String TYPE = "queue-replayer";
    static final String OUTPUT = "out";

    @Override
    public String type()
    {
        return TYPE;
    }

    @Override
    public String description()
    {
        return "replays the payloads a durable channel recorded (runs/<run>/queues/<queue>) on output 'out', one per timeslice";
    }

    @Override
    public List<String> inputs()
    {
        return List.of();
    }

    @Override
    public List<String> outputs()
    {
        return List.of(OUTPUT + ":TST/REPLAY/0");
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of(OptionSpec.of("queue", OptionType.STRING,
            "directory of the queue to replay, e.g. runs/<run>/queues/source.0.out.to.sink.0"));
    }

    @Override
    public Device create()
    {
        return new QueueReplayer();
    }
}
