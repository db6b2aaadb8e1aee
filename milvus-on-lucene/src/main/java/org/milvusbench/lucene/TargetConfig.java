package org.milvusbench.lucene;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Immutable configuration of a {@link TargetServer}; every setter returns a new config.
 * <pre>TargetConfig.builder().port(0).dataDir(Path.of("data")).build()</pre>
 */
public final class TargetConfig {
  /** Milvus's default port. */
  public static final int DEFAULT_PORT = 19530;
  /** 10,000 × 768 float32 rows are ~31 MiB of protobuf; leave room for scalars and a larger dimension. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 128 * 1024 * 1024;
  /**
   * See {@link #maxSegmentRows()}. Inserting into an indexed collection on 2 threads with unlimited
   * segments fell from ~800 vec/s (4k rows) to ~340 vec/s (16k) here as the two graphs grew; capping
   * segments at 12,500 rows gives the layout of a 50k CreateIndex build (4 segments) and keeps the rate.
   */
  public static final int DEFAULT_MAX_SEGMENT_ROWS = 12_500;
  /** See {@link #segmentsPerBuildThread()}. */
  public static final int DEFAULT_SEGMENTS_PER_BUILD_THREAD = 0;

  private final int port;
  private final String bindAddress;
  private final Path dataDir;
  private final String token;
  private final long serviceDelayMillis;
  private final int maxMessageBytes;
  private final int buildThreads;
  private final int maxSegmentRows;
  private final int segmentsPerBuildThread;
  private final Path tlsCert;
  private final Path tlsKey;
  private final int metricsPort;

  private TargetConfig(Builder b) {
    this.port = b.port;
    this.bindAddress = b.bindAddress;
    this.dataDir = b.dataDir;
    this.token = b.token;
    this.serviceDelayMillis = b.serviceDelayMillis;
    this.maxMessageBytes = b.maxMessageBytes;
    this.buildThreads = b.buildThreads;
    this.maxSegmentRows = b.maxSegmentRows;
    this.segmentsPerBuildThread = b.segmentsPerBuildThread;
    this.tlsCert = b.tlsCert;
    this.tlsKey = b.tlsKey;
    this.metricsPort = b.metricsPort;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Port to listen on; 0 picks a free one ({@link TargetServer#port()} tells which). Default 19530. */
  public int port() {
    return port;
  }

  /** Address to bind; default 127.0.0.1 (loopback only). */
  public String bindAddress() {
    return bindAddress;
  }

  /** Directory holding one sub-directory per collection. Required. */
  public Path dataDir() {
    return dataDir;
  }

  /** Token clients must send (Milvus "user:password" or API key); null = no authentication. */
  public String token() {
    return token;
  }

  /** Delay added to every search and query, for fault tests; default 0. */
  public long serviceDelayMillis() {
    return serviceDelayMillis;
  }

  /** Largest accepted request; larger ones fail with gRPC RESOURCE_EXHAUSTED. Default 128 MiB. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /** Threads building HNSW graphs concurrently; default: available processors. */
  public int buildThreads() {
    return buildThreads;
  }

  /**
   * Rows after which an indexing thread seals its segment (Lucene maxBufferedDocs); 0 = only the RAM
   * buffer decides. Smaller segments build faster (HNSW insertion slows as a graph grows) but every
   * query searches every segment.
   */
  public int maxSegmentRows() {
    return maxSegmentRows;
  }

  /**
   * Segments each thread of a CreateIndex build produces; 0 (the default) = one, more only for segments
   * past 250k rows: a 50k-row build on 2 threads makes 2 segments, 1M rows 4. More = faster build and
   * finer checkpoints, slower search.
   */
  public int segmentsPerBuildThread() {
    return segmentsPerBuildThread;
  }

  /** PEM certificate chain served over TLS (clients connect with {@code https://}); null = plaintext. */
  public Path tlsCert() {
    return tlsCert;
  }

  /** PEM private key (PKCS#8) of {@link #tlsCert()}; set together with it. */
  public Path tlsKey() {
    return tlsKey;
  }

  /**
   * Port of the Prometheus {@code /metrics} endpoint, on loopback whatever {@link #bindAddress()} says;
   * 0 picks a free one ({@link TargetServer#metricsPort()} tells which); {@link #METRICS_OFF} (the default) = none.
   */
  public int metricsPort() {
    return metricsPort;
  }

  /** {@link #metricsPort()} of a target without a metrics endpoint. */
  public static final int METRICS_OFF = -1;

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builder; {@link #build()} checks the values. */
  public static final class Builder {
    private int port = DEFAULT_PORT;
    private String bindAddress = "127.0.0.1";
    private Path dataDir;
    private String token;
    private long serviceDelayMillis;
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private int buildThreads = Runtime.getRuntime().availableProcessors();
    private int maxSegmentRows = DEFAULT_MAX_SEGMENT_ROWS;
    private int segmentsPerBuildThread = DEFAULT_SEGMENTS_PER_BUILD_THREAD;
    private Path tlsCert;
    private Path tlsKey;
    private int metricsPort = METRICS_OFF;

    private Builder() {}

    private Builder(TargetConfig c) {
      port = c.port;
      bindAddress = c.bindAddress;
      dataDir = c.dataDir;
      token = c.token;
      serviceDelayMillis = c.serviceDelayMillis;
      maxMessageBytes = c.maxMessageBytes;
      buildThreads = c.buildThreads;
      maxSegmentRows = c.maxSegmentRows;
      segmentsPerBuildThread = c.segmentsPerBuildThread;
      tlsCert = c.tlsCert;
      tlsKey = c.tlsKey;
      metricsPort = c.metricsPort;
    }

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder bindAddress(String value) {
      bindAddress = value;
      return this;
    }

    public Builder dataDir(Path value) {
      dataDir = value;
      return this;
    }

    public Builder token(String value) {
      token = value;
      return this;
    }

    public Builder serviceDelayMillis(long value) {
      serviceDelayMillis = value;
      return this;
    }

    public Builder maxMessageBytes(int value) {
      maxMessageBytes = value;
      return this;
    }

    public Builder buildThreads(int value) {
      buildThreads = value;
      return this;
    }

    public Builder maxSegmentRows(int value) {
      maxSegmentRows = value;
      return this;
    }

    public Builder segmentsPerBuildThread(int value) {
      segmentsPerBuildThread = value;
      return this;
    }

    /** Serve TLS with this PEM certificate and PKCS#8 PEM key; both null = plaintext. */
    public Builder tls(Path cert, Path key) {
      tlsCert = cert;
      tlsKey = key;
      return this;
    }

    /** See {@link TargetConfig#metricsPort()}. */
    public Builder metricsPort(int value) {
      metricsPort = value;
      return this;
    }

    public TargetConfig build() {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port: " + port + " is not in 0..65535 (0 = pick a free port)");
      }
      if (metricsPort < METRICS_OFF || metricsPort > 65535) {
        throw new IllegalArgumentException("metricsPort: " + metricsPort + " is not in 0..65535 (0 = pick a free port)");
      }
      Objects.requireNonNull(dataDir, "dataDir is required (a directory for the collections)");
      Objects.requireNonNull(bindAddress, "bindAddress is required (e.g. 127.0.0.1)");
      if (serviceDelayMillis < 0) {
        throw new IllegalArgumentException("serviceDelayMillis: " + serviceDelayMillis + " is negative");
      }
      if (maxMessageBytes < 1024 * 1024) {
        throw new IllegalArgumentException("maxMessageBytes: " + maxMessageBytes + " is below 1 MiB");
      }
      if (maxSegmentRows < 0 || maxSegmentRows == 1) {
        throw new IllegalArgumentException("maxSegmentRows: " + maxSegmentRows + " must be 0 (unlimited) or at least 2");
      }
      if (segmentsPerBuildThread < 0) {
        throw new IllegalArgumentException("segmentsPerBuildThread: " + segmentsPerBuildThread + " is negative (0 = automatic)");
      }
      if (buildThreads < 1) {
        throw new IllegalArgumentException("buildThreads: " + buildThreads + " is not positive");
      }
      if ((tlsCert == null) != (tlsKey == null)) {
        throw new IllegalArgumentException("tls: --tls-cert and --tls-key go together (a PEM certificate and its PKCS#8 PEM key)");
      }
      return new TargetConfig(this);
    }
  }
}
