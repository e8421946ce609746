package org.jdpl.framework.run;

/** Exit codes of a device process, as the Driver interprets them. */
public final class DeviceExitCode
{
    /** Ended cleanly after end of stream. */
    public static final int OK = 0;
    /** The device threw from init, process or endOfStream. */
    public static final int DEVICE_FAILED = 1;
    /** Bad arguments, unreadable run.json, unknown device type. */
    public static final int BAD_SETUP = 2;
    /** The Driver went away; the device stopped by itself. */
    public static final int DRIVER_LOST = 3;
    /** Stopped by the Driver's request before end of stream. */
    public static final int STOPPED = 4;

    private DeviceExitCode()
    {
    }

    public static String describe(final int code)
    {
        return switch (code)
        {
            case OK -> "ended cleanly";
            case DEVICE_FAILED -> "device failed";
            case BAD_SETUP -> "could not start (bad setup)";
            case DRIVER_LOST -> "lost its Driver";
            case STOPPED -> "stopped on request";
            default -> code > 128 ? "killed by signal " + (code - 128) + signalName(code - 128) : "exit code " + code;
        };
    }

    private static String signalName(final int signal)
    {
        return switch (signal)
        {
            case 9 -> " (SIGKILL)";
            case 15 -> " (SIGTERM)";
            case 6 -> " (SIGABRT)";
            case 11 -> " (SIGSEGV)";
            case 2 -> " (SIGINT)";
            default -> "";
        };
    }
}
