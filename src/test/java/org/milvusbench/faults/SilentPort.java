package org.milvusbench.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** A port that accepts connections and never answers a byte: the worst kind of unreachable. */
final class SilentPort implements AutoCloseable {
  private final ServerSocket socket;
  private final List<Socket> accepted = new ArrayList<>();
  private final Thread acceptor;

  SilentPort() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket s = socket.accept();
          synchronized (accepted) {
            accepted.add(s);
          }
        }
      } catch (IOException closed) {
        // close() ends the loop
      }
    }, "silent-port");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String uri() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    synchronized (accepted) {
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  /** A port with nothing listening (bound, then closed). */
  static String closedPortUri() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + s.getLocalPort();
    }
  }
}
