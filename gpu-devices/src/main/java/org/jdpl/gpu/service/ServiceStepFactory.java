package org.jdpl.gpu.service;

import java.util.List;

import org.jdpl.devices.reco.device.SeederFactory;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;

/**
 * {@code service-step}: hands each timeframe to a GPU service ({@code dpl serve}) and sends its reply
 * under the specs the in-topology GPU device would, so it takes that device's place in the chain: the
 * seeder's ports, for a gpu-seeder service. {@link ServiceClusterStepFactory} is its twin with the
 * clusterizer's ports. At start it checks its ports against the service's step.
 */
public class ServiceStepFactory implements DeviceFactory
{
    static final String SERVICE = "service";
    static final String TIMEOUT = "timeout";
    static final String REPLY_BYTES = "reply-bytes";
    static final String WARM_UP = "warm-up";

    private final String type;
    private final DeviceFactory twin;

    public ServiceStepFactory()
    {
        this("service-step", new SeederFactory());
    }

    ServiceStepFactory(final String type, final DeviceFactory twin)
    {
        this.type = type;
        this.twin = twin;
    }

    @Override
    public final String type()
    {
        return type;
    }

    @Override
    public final String description()
    {
        return twin.type() + " done by a GPU service (dpl serve FILE, step = gpu-" + twin.type() + "): the same outputs; absent, dead or " +
            "slow service: on-error";
    }

    @Override
    public final List<String> inputs()
    {
        return twin.inputs();
    }

    @Override
    public final List<String> outputs()
    {
        return twin.outputs();
    }

    @Override
    public final List<OptionSpec> options()
    {
        return List.of(
            OptionSpec.of(SERVICE, OptionType.STRING, "the name of the service (name = in its dpl serve file), as registered in the runs directory")
                .withDefault(""),
            OptionSpec.of(TIMEOUT, OptionType.DURATION, "how long a timeframe may take at the service before on-error applies").withDefault("30s"),
            OptionSpec.of(REPLY_BYTES, OptionType.BYTES, "size of this device's exchange file: copied inputs and the largest reply (sparse)")
                .withDefault("256M"),
            OptionSpec.ranged(WARM_UP, OptionType.INT, 0, 1_000_000, "first timeframes left out of the latency histogram and the " +
                "measurement window (service.window* metrics)").withDefault(0));
    }

    @Override
    public final Device create()
    {
        return new ServiceStepDevice();
    }
}
