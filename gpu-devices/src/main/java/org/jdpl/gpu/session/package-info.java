/**
 * What a GPU device holds for its lifetime: its {@link org.jdpl.gpu.session.GpuSettings} (the
 * {@code gpu.*} options), and the {@link org.jdpl.gpu.session.GpuSession} opened from them and the
 * environment the driver gave its process: the selected backend, the owned GPU, the memory pool,
 * and the GPU metrics published after each timeframe.
 */
package org.jdpl.gpu.session;
