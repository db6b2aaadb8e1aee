package org.milvusbench.sweep.run.barrier;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The barrier's two unary gRPC methods, defined without protoc: a message is one UTF-8 line, the
 * fields separated by tabs. {@code Ping} answers at once (is injector 0 there?); {@code Arrive}
 * answers when every injector has arrived at the same barrier, or fails naming the missing ones.
 */
final class BarrierProtocol {
  static final String SERVICE = "milvusbench.Barrier";

  private BarrierProtocol() {}

  /** Injector {@code index} of {@code of} has reached the barrier {@code key} (e.g. "level 2 (c=6)"). */
  record Arrival(String key, int index, int of) {
    String encode() {
      return index + "\t" + of + "\t" + key;
    }

    static Arrival decode(String text) {
      String[] parts = text.split("\t", 3);
      if (parts.length != 3) {
        throw new IllegalArgumentException("not a barrier arrival: " + text);
      }
      return new Arrival(parts[2], Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
  }

  private static final MethodDescriptor.Marshaller<String> TEXT = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(String value) {
      return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String parse(InputStream stream) {
      try {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  static final MethodDescriptor<String, String> PING = method("Ping");
  static final MethodDescriptor<String, String> ARRIVE = method("Arrive");

  private static MethodDescriptor<String, String> method(String name) {
    return MethodDescriptor.<String, String>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
        .setRequestMarshaller(TEXT).setResponseMarshaller(TEXT).build();
  }

}
