package org.jdpl.gpu.service;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Serves a service file until SIGTERM or Ctrl-C: what {@code dpl serve FILE} runs, and, as
 * {@code java ... org.jdpl.gpu.service.ServiceMain FILE RUNS_DIR}, what tests start as a process of its own.
 */
public final class ServiceMain
{
    /** Exit status of a service file or GPU that cannot be served. */
    public static final int BAD_SERVICE = 2;

    private ServiceMain()
    {
    }

    public static void main(final String[] args)
    {
        if (args.length != 2)
        {
            System.err.println("usage: ServiceMain FILE RUNS_DIR");
            System.exit(BAD_SERVICE);
        }
        final PrintWriter out = new PrintWriter(System.out, true);
        final PrintWriter err = new PrintWriter(System.err, true);
        System.exit(serve(Path.of(args[0]), Path.of(args[1]), out, err));
    }

    /** Serves {@code file} until the process is told to stop; returns the exit status. */
    public static int serve(final Path file, final Path runsDir, final PrintWriter out, final PrintWriter err)
    {
        final StepService service;
        try
        {
            service = StepService.start(ServiceConfig.load(file), runsDir);
        }
        catch (final ServiceConfigException e)
        {
            err.println("dpl serve: " + e.getMessage());
            return BAD_SERVICE;
        }
        catch (final RuntimeException e)
        {
            // The media driver, the runs directory, the GPU library: said in one line, what to look at is in it.
            err.println("dpl serve: " + file + ": cannot start the service: " + e);
            return BAD_SERVICE;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);
        final Thread hook = new Thread(() ->
        {
            stopped.countDown();
            try
            {
                closed.await();
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }, "service-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        final ServiceConfig c = service.config();
        out.println("serving " + c.name() + ": " + c.step().deviceType() + ", " + c.instances() + " instance(s), max-batch " + c.maxBatch() +
            ", max-queue-delay " + c.maxQueueDelayMs() + " ms, pid " + ProcessHandle.current().pid());
        service.gpus().forEach(g -> out.println("  " + g));
        out.println("registered in " + service.registrationFile() + "; clients: use = service-step, options { service = " + c.name() + " }");
        try
        {
            stopped.await();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        finally
        {
            service.close();
            out.println("service " + c.name() + " stopped");
            closed.countDown();
        }
        return 0;
    }
}
