package org.jdpl.gpu.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.aeron.Aeron;
import io.aeron.Subscription;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;
import org.jdpl.transport.EmbeddedMediaDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running service ({@code dpl serve FILE}): its own media driver in
 * {@code /dev/shm/jdpl-service-<name>/aeron}, a receiver taking requests, {@code instances} GPU
 * contexts answering them, and its registration in the runs directory. Closed by its opener
 * (the serve command, on SIGTERM or Ctrl-C), which removes the registration.
 */
public final class StepService implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(StepService.class);
    private static final int QUEUE_CAPACITY = 1024;
    private static final long OPEN_TIMEOUT_S = 120;

    private final ServiceConfig config;
    private final ServiceRegistry registry;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<String> gpus = new ArrayList<>();
    private RegistrationAgent registration;

    private StepService(final ServiceConfig config, final ServiceRegistry registry)
    {
        this.config = config;
        this.registry = registry;
    }

    /**
     * Starts the service and registers it once every instance has its GPU.
     *
     * @throws ServiceConfigException when another live service has the name, or a GPU cannot be opened (said in one line)
     */
    public static StepService start(final ServiceConfig config, final Path runsDir)
    {
        final ServiceRegistry registry = new ServiceRegistry(runsDir);
        final ServiceRecord existing = registry.find(config.name());
        if (existing != null && existing.alive() && existing.pid() != ProcessHandle.current().pid())
        {
            throw new ServiceConfigException(config.file() + ": a service named " + config.name() + " is already running (pid " +
                existing.pid() + ", " + registry.file(config.name()) + "); stop it or give this one another name");
        }
        final StepService service = new StepService(config, registry);
        try
        {
            service.open(runsDir);
            return service;
        }
        catch (final RuntimeException e)
        {
            service.close();
            throw e;
        }
    }

    private void open(final Path runsDir)
    {
        final Path shmDir = shmDir(config.name());
        final EmbeddedMediaDriver driver = EmbeddedMediaDriver.launch(shmDir.resolve("aeron"));
        opened.add(driver);
        final Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDir().toString()));
        opened.add(aeron);
        final ServiceCounters counters = new ServiceCounters(config.instances());
        final MappedFiles files = new MappedFiles();
        opened.add(files);
        final ReplySender replies = new ReplySender(aeron, counters);
        opened.add(replies);
        final ManyToManyConcurrentArrayQueue<Request> queue = new ManyToManyConcurrentArrayQueue<>(QUEUE_CAPACITY);
        final List<ServiceInstance> instances = new ArrayList<>();
        for (int i = 0; i < config.instances(); i++)
        {
            final ServiceInstance instance = new ServiceInstance(i, config, queue, files, replies, counters);
            instances.add(instance);
            final AgentRunner runner = new AgentRunner(new BackoffIdleStrategy(), this::onAgentError, null, instance);
            // Closed before the files and the Aeron client it uses (opened closes in reverse).
            opened.add(runner);
            AgentRunner.startOnThread(runner);
        }
        for (final ServiceInstance instance : instances)
        {
            try
            {
                gpus.add(instance.opened().get(OPEN_TIMEOUT_S, TimeUnit.SECONDS));
            }
            catch (final ExecutionException | CompletionException e)
            {
                throw new ServiceConfigException(config.file() + ": instance " + gpus.size() + " cannot open its GPU: " + e.getCause().getMessage());
            }
            catch (final TimeoutException | InterruptedException e)
            {
                throw new ServiceConfigException(config.file() + ": instance " + gpus.size() + " did not open its GPU within " + OPEN_TIMEOUT_S + " s");
            }
        }
        final Subscription requests = aeron.addSubscription(ServiceProtocol.CHANNEL, ServiceProtocol.REQUEST_STREAM);
        final ServiceRecord record = new ServiceRecord(config.name(), config.step(), ProcessHandle.current().pid(), driver.aeronDir(),
            gpus.getFirst(), config.instances(), config.maxBatch(), config.maxQueueDelayMs(), System.currentTimeMillis(), null);
        registration = new RegistrationAgent(registry, record, counters);
        registration.write();
        final AgentRunner receiver = new AgentRunner(new BackoffIdleStrategy(), this::onAgentError, null,
            new CompositeAgent(new RequestReceiver(requests, queue, replies, counters), registration));
        opened.add(receiver);
        AgentRunner.startOnThread(receiver);
    }

    /** A request's failure is answered to its client; what reaches here escaped that, and is logged in one line. */
    private void onAgentError(final Throwable error)
    {
        LOG.error("service {}: {}", config.name(), error.toString());
    }

    /** Where a service's shared memory lives. */
    public static Path shmDir(final String name)
    {
        return Path.of("/dev/shm", "jdpl-service-" + name);
    }

    public ServiceConfig config()
    {
        return config;
    }

    /** One line per instance: backend, GPU, pool. */
    public List<String> gpus()
    {
        return gpus;
    }

    public Path registrationFile()
    {
        return registry.file(config.name());
    }

    @Override
    public void close()
    {
        for (int i = opened.size() - 1; i >= 0; i--)
        {
            CloseHelper.quietClose(opened.get(i));
        }
        opened.clear();
        registry.remove(config.name(), ProcessHandle.current().pid());
        try
        {
            // The media driver removed its own directory; what is left is empty.
            Files.deleteIfExists(shmDir(config.name()));
        }
        catch (final IOException e)
        {
            // Not empty: something else put files there; left for the user to see.
        }
    }
}
