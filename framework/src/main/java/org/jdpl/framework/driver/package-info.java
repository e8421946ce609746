/**
 * The Driver ({@code dpl run}): run directories, the embedded media driver, spawning and
 * supervising device processes, stop and kill policy, and the run summary.
 */
package org.jdpl.framework.driver;
