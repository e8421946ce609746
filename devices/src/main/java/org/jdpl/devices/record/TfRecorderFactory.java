package org.jdpl.devices.record;

import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;

/** Registers {@code tf-recorder}: records whatever it is given as inputs to a Chronicle queue. */
public final class TfRecorderFactory implements DeviceFactory
{
    public static final String TYPE = "tf-recorder";
    static final String PATH = "path";

    @Override
    public String type()
    {
        return TYPE;
    }

    @Override
    public String description()
    {
        return "records the messages of its inputs (list them: inputs = [\"a:TRK/SPACEPOINTS\", ...]) to a Chronicle queue for tf-replayer";
    }

    @Override
    public List<String> inputs()
    {
        return List.of();
    }

    @Override
    public List<String> outputs()
    {
        return List.of();
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of(OptionSpec.of(PATH, OptionType.STRING, "directory of the queue to write (created when missing)"));
    }

    @Override
    public Device create()
    {
        return new TfRecorder();
    }
}
