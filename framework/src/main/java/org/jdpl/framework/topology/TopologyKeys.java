package org.jdpl.framework.topology;

import java.util.List;
import java.util.regex.Pattern;

/** The keys a topology file may hold, at the top and in each device. */
final class TopologyKeys
{
    static final String DEVICES = "devices";
    static final String SHM = "shm";
    static final String CHANNELS = "channels";
    static final String RATE_LIMIT = "rate-limit";
    static final String VARS = "vars";
    static final String HOSTS = "hosts";
    static final String NET = "net";
    /** Jars of device types from outside the class path, relative to the file. */
    static final String LIBRARIES = "libraries";
    static final List<String> TOP_LEVEL = List.of(DEVICES, SHM, CHANNELS, RATE_LIMIT, VARS, HOSTS, NET, LIBRARIES);
    /** Changes to devices declared by earlier files; taken out of each file before the files merge ({@link DeviceAmendments}). */
    static final String AMEND = "amend";

    static final String USE = "use";
    static final String OPTIONS = "options";
    static final String INPUTS = "inputs";
    static final String OUTPUTS = "outputs";
    static final String PIPELINE = "pipeline";
    /** With {@code pipeline = auto}: the most replicas the warm-up may choose. */
    static final String PIPELINE_MAX = "pipeline-max";
    static final String PIPELINE_AUTO = "auto";
    static final int DEFAULT_PIPELINE_MAX = 4;
    static final String COMPLETION = "completion";
    static final String IDLE = "idle";
    static final String ON_CRASH = "on-crash";
    static final String ON_ERROR = "on-error";
    static final String RESTART = "restart";
    static final String SILENT_AFTER = "silent-after";
    static final String GPU = "gpu";
    static final String PROCESS = "process";
    static final String HOST = "host";
    static final String JVM = "jvm";
    static final List<String> DEVICE_LEVEL = List.of(USE, OPTIONS, INPUTS, OUTPUTS, PIPELINE, PIPELINE_MAX, COMPLETION, IDLE, ON_CRASH, ON_ERROR,
        RESTART, SILENT_AFTER, GPU, PROCESS, HOST, HOSTS, JVM);
    static final String RESTART_MAX = "max";
    static final String RESTART_WINDOW = "window";
    static final List<String> RESTART_KEYS = List.of(RESTART_MAX, RESTART_WINDOW);
    /** Device keys that later issues add; named so that users get "not supported yet", not "unknown". */
    static final List<String> DEVICE_LEVEL_LATER = List.of();

    static final String SEGMENT_SIZE = "segment-size";
    static final String INLINE_MAX = "inline-max";
    static final List<String> SHM_KEYS = List.of(SEGMENT_SIZE, INLINE_MAX);
    static final long DEFAULT_INLINE_MAX_BYTES = 64 * 1024;

    static final String TIMEFRAMES_IN_FLIGHT = "timeframes-in-flight";
    static final String SMOOTH = "smooth";
    static final List<String> RATE_LIMIT_KEYS = List.of(TIMEFRAMES_IN_FLIGHT, SMOOTH);

    static final Pattern DEVICE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private TopologyKeys()
    {
    }
}
