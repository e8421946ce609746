/**
 * What the inspection commands show, computed once for all of them: where runs are
 * ({@link org.jdpl.tools.view.RunLocator}) and a run's live figures from two counter snapshots
 * ({@link org.jdpl.tools.view.RunView}), and the run's time series, whole or as it grows
 * ({@link org.jdpl.tools.view.TimeSeriesReader}, {@link org.jdpl.tools.view.TimeSeriesTail}). {@code dpl status}
 * prints it, {@code dpl top} draws it, {@code dpl report} charts it.
 */
package org.jdpl.tools.view;
