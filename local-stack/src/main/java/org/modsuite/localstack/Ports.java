package org.modsuite.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port checks on the loopback address, which is the only address the local stack binds. */
public final class Ports {

  public static final String HOST = "127.0.0.1";

  private Ports() {
  }

  /** A port that was free a moment ago; for tests, which must not collide with a running suite. */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new StartFailedException("no free port on " + HOST, e);
    }
  }

  /** Fails with a message that names the server and the setting to change when the port is taken. */
  public static void requireFree(int port, String server, String option) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(HOST, port));
    } catch (IOException e) {
      throw new StartFailedException(server + " cannot start: port " + HOST + ":" + port + " is taken (another " + server
          + " or an earlier ModSuite still running?). Stop it, or choose another port with " + option + ".");
    }
  }

  public static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
