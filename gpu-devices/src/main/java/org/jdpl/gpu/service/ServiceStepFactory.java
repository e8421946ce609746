package org.jdpl.gpu.service;

import java.util.List;

import org.jdpl.devices.reco.device.SeederFactory;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;

/**
 * {@code service-step}: hands each timeframe to a GPU service ({@code dpl serve}) and sends its reply
 * under the specs the in-topology GPU device would, so it takes that device's place in the chain. Its
 * default ports are the seeder's; in place of gpu-clusterizer give it the clusterizer's ports
 * ({@code inputs = [...], outputs = [...]}): it checks them against the service's step at start.
 */
public final class ServiceStepFactory implements DeviceFactory
{
    static final String SERVICE = "service";
    static final String TIMEOUT = "timeout";
    static final String REPLY_BYTES = "reply-bytes";
    static final String WARM_UP = "warm-up";

    @Override
    public String type()
    {
        return "service-step";
    }

    @Override
    public String description()
    {
        return "a GPU step done by a GPU service (dpl serve): same outputs as gpu-seeder/gpu-clusterizer; absent, dead or slow service: on-error";
    }

    @Override
    public List<String> inputs()
    {
        return new SeederFactory().inputs();
    }

    @Override
    public List<String> outputs()
    {
        return new SeederFactory().outputs();
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of(
            OptionSpec.of(SERVICE, OptionType.STRING, "the service's name (its file's name = ...), registered in the runs directory")
                .withDefault(""),
            OptionSpec.of(TIMEOUT, OptionType.DURATION, "how long a timeframe may take at the service before on-error applies").withDefault("30s"),
            OptionSpec.of(REPLY_BYTES, OptionType.BYTES, "size of this device's exchange file: copied inputs and the largest reply (sparse)")
                .withDefault("256M"),
            OptionSpec.ranged(WARM_UP, OptionType.INT, 0, 1_000_000, "first timeframes left out of the latency histogram and the " +
                "measurement window (service.window* metrics)").withDefault(0));
    }

    @Override
    public Device create()
    {
        return new ServiceStepDevice();
    }
}
