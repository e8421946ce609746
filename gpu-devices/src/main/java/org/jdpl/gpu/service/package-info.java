/**
 * A GPU step as a service ({@code dpl serve FILE}): one long-lived process owns a GPU, runs
 * {@code instances} execution contexts of a GPU step on it, batches requests from any number of
 * client runs on the same host, and answers them over Aeron IPC with payloads in shared memory.
 * {@link org.jdpl.gpu.service.StepService} is the service, {@link org.jdpl.gpu.service.ServiceStepFactory}
 * the client device ({@code service-step}) that stands in for the in-topology GPU device, and
 * {@link org.jdpl.gpu.service.ServiceRegistry} where the two find each other. See docs/gpu-service.md.
 */
package org.jdpl.gpu.service;
