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
  private final Map<Phase, Long> totals = new EnumMap<>(Phase.class);
  private final Map<Phase, Integer> tenths = new EnumMap<>(Phase.class);

  /** Writes to {@code out}; {@code bars} = redrawn progress bars, else one line per phase start/end. */
  public ConsoleProgress(PrintStream out, boolean bars) {
    this.out = out;
    this.bars = bars;
  }

  @Override
  public synchronized void phaseStarted(Phase phase, long total, long done) {
    started.put(phase, System.nanoTime());
    totals.put(phase, total);
    tenths.put(phase, total <= 0 ? 0 : (int) (10 * done / total));
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
    } else if (!bars && totals.containsKey(phase)) {
      // Plain mode: a line per tenth, so an hours-long build still shows it is moving.
      long total = totals.get(phase);
      int tenth = total <= 0 ? 10 : (int) Math.min(10, 10 * done / total);
      if (tenth > tenths.getOrDefault(phase, 0) && tenth < 10) {
        tenths.put(phase, tenth);
        double s = (System.nanoTime() - started.get(phase)) / 1e9;
        out.printf("%s: %d / %d%s (%.0f s)%n", label(phase), done, total, unit(phase), s);
      }
    }
  }

  @Override
  public synchronized void phaseFinished(Phase phase) {
    ProgressBar bar = open.remove(phase);
    if (bar != null) {
      bar.close();
    }
    totals.remove(phase);
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
