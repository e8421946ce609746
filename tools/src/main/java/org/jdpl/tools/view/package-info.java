/**
 * What the inspection commands show, computed once for all of them: where runs are
 * ({@link org.jdpl.tools.view.RunLocator}) and a run's live figures from two counter snapshots
 * ({@link org.jdpl.tools.view.RunView}). {@code dpl status} prints it, {@code dpl top} draws it.
 */
package org.jdpl.tools.view;
