package org.milvusbench.dataprep;

import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on the console (rows, rows/s, ETA) for insert, index build, load and ground truth;
 * with {@code bars == false} (not a terminal, or {@code --no-progress}) one line per phase instead.
 */
public final class ConsoleProgress implements ProgressListener {
  private final PrintStream out;
  private final boolean bars;
  private final Map<Phase, ProgressBar> open = new EnumMap<>(Phase.class);
  private final Map<Phase, Long> started = new EnumMap<>(Phase.class);

  /** Writes to {@code out}; {@code bars} = redrawn progress bars, else one line per phase start/end. */
  public ConsoleProgress(PrintStream out, boolean bars) {
    this.out = out;
    this.bars = bars;
  }

  @Override
  public synchronized void phaseStarted(Phase phase, long total, long done) {
    started.put(phase, System.nanoTime());
    if (!bars) {
      out.println(label(phase) + ": " + done + " / " + total + " " + unit(phase).trim());
      return;
    }
    ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(label(phase)).setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).setUnit(unit(phase), 1)
        .startsFrom(done, Duration.ZERO).setMaxRenderedLength(110);
    if (phase != Phase.LOAD) {
      b.showSpeed();
    }
    open.put(phase, b.build());
  }

  @Override
  public synchronized void progress(Phase phase, long done) {
    ProgressBar bar = open.get(phase);
    if (bar != null) {
      bar.stepTo(done);
    }
  }

  @Override
  public synchronized void phaseFinished(Phase phase) {
    ProgressBar bar = open.remove(phase);
    if (bar != null) {
      bar.close();
    }
    Long t0 = started.remove(phase);
    if (!bars && t0 != null) {
      out.printf("%s: done in %.1f s%n", label(phase), (System.nanoTime() - t0) / 1e9);
    }
  }

  @Override
  public synchronized void info(String message) {
    out.println(message);
  }

  /** Closes any bar left open by a failure so the error message starts on a clean line. */
  public synchronized void closeAll() {
    open.values().forEach(ProgressBar::close);
    open.clear();
  }

  private static String label(Phase phase) {
    switch (phase) {
      case INSERT: return "insert";
      case INDEX: return "index";
      case LOAD: return "load";
      default: return "ground truth";
    }
  }

  private static String unit(Phase phase) {
    return phase == Phase.LOAD ? " %" : " rows";
  }
}
