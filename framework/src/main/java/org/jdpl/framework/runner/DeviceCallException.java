package org.jdpl.framework.runner;

/** The device threw from one of its calls; carries where, for the log line and the report. */
final class DeviceCallException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    DeviceCallException(final String device, final String call, final long timeslice, final Throwable cause)
    {
        super("device '" + device + "' failed in " + call + (timeslice >= 0 ? " at timeslice " + timeslice : "") + ": " +
            describe(cause), cause);
    }

    /**
     * {@code Type: message (at Class.method(File.java:12))}, naming the first frame in the device's
     * own code (not the JDK's or the runner's), which is where its author will look.
     */
    static String describe(final Throwable cause)
    {
        final StackTraceElement[] trace = cause.getStackTrace();
        StackTraceElement where = trace.length == 0 ? null : trace[0];
        for (final StackTraceElement frame : trace)
        {
            if (!isInfrastructure(frame.getClassName()))
            {
                where = frame;
                break;
            }
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage() + (where == null ? "" : " (at " + where + ")");
    }

    private static boolean isInfrastructure(final String className)
    {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.") ||
            className.startsWith("com.typesafe.") || className.startsWith("org.agrona.") ||
            className.startsWith("org.jdpl.framework.device.") ||
            className.startsWith(DeviceCallException.class.getPackageName() + ".");
    }
}
