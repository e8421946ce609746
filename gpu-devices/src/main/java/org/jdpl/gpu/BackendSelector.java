package org.jdpl.gpu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Chooses the backend at run time: the first available of CUDA, OpenCL, any other plugin (by
 * name), then the CPU reference; or the one {@code gpu.backend} forces.
 */
public final class BackendSelector
{
    /** {@code gpu.backend} value asking for discovery. */
    public static final String AUTO = "auto";

    private static final List<String> PREFERENCE = List.of("cuda", "opencl");
    private static final String LAST = "cpu";

    private final List<GpuBackend> backends;

    /** Selects among the given backends, tried in preference order whatever the list order. */
    public BackendSelector(final List<GpuBackend> backends)
    {
        final List<GpuBackend> ordered = new ArrayList<>(backends);
        ordered.sort(Comparator.comparingInt(BackendSelector::rank).thenComparing(GpuBackend::name));
        this.backends = List.copyOf(ordered);
    }

    /** Selects among the backends on the class path. */
    public static BackendSelector fromClassPath()
    {
        final List<GpuBackend> found = new ArrayList<>();
        ServiceLoader.load(GpuBackend.class).forEach(found::add);
        return new BackendSelector(found);
    }

    /** The backends in the order discovery tries them. */
    public List<GpuBackend> backends()
    {
        return backends;
    }

    /**
     * @param requested {@code auto} (or empty) to discover, else a backend name
     * @throws GpuException when the requested backend is unknown or unavailable, or none is available
     */
    public BackendSelection select(final String requested)
    {
        final String name = requested == null ? "" : requested.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.equals(AUTO))
        {
            return discover();
        }
        for (final GpuBackend backend : backends)
        {
            if (backend.name().equals(name))
            {
                final BackendProbe probe = backend.probe();
                if (!probe.isAvailable())
                {
                    throw new GpuException("gpu.backend = " + name + " but that backend is unavailable here: " + probe.reason() +
                        "; set gpu.backend = auto to fall back, or run where it is available");
                }
                return new BackendSelection(backend, probe, List.of(), true);
            }
        }
        throw new GpuException("gpu.backend = " + requested + " is not a known backend; known: " + AUTO + ", " +
            String.join(", ", backends.stream().map(GpuBackend::name).toList()));
    }

    private BackendSelection discover()
    {
        final List<BackendProbe> skipped = new ArrayList<>();
        for (final GpuBackend backend : backends)
        {
            final BackendProbe probe = backend.probe();
            if (probe.isAvailable())
            {
                return new BackendSelection(backend, probe, skipped, false);
            }
            skipped.add(probe);
        }
        final StringBuilder reasons = new StringBuilder();
        for (final BackendProbe probe : skipped)
        {
            reasons.append("; ").append(probe.backend()).append(": ").append(probe.reason());
        }
        throw new GpuException("no GPU backend is available" + reasons +
            "; put jdpl-gpu-devices (with its cpu backend) on the class path");
    }

    private static int rank(final GpuBackend backend)
    {
        final int preferred = PREFERENCE.indexOf(backend.name());
        if (preferred >= 0)
        {
            return preferred;
        }
        return backend.name().equals(LAST) ? PREFERENCE.size() + 1 : PREFERENCE.size();
    }
}
