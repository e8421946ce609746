/**
 * The contract between the Driver and device processes: the run manifest it writes, the reports
 * they write back, exit codes, and where these files live.
 */
package org.jdpl.framework.run;
