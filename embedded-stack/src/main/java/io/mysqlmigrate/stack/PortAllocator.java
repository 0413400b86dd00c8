package io.mysqlmigrate.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out free TCP ports on 127.0.0.1. A port is never handed out twice by one JVM, so two servers started
 * in a row cannot be given the same port before the first one has bound it. 3306 (the system MariaDB) and
 * 33060 (the MySQL X protocol port) are never returned.
 */
public final class PortAllocator {
    private static final Set<Integer> RESERVED = Set.of(3306, 33060);
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private PortAllocator() {
    }

    /** A port that was free a moment ago and that this JVM has not handed out before. */
    public static synchronized int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = probe();
            if (!RESERVED.contains(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new StackException("No free TCP port found on 127.0.0.1");
    }

    /** {@code requested} itself when it is not 0, else {@link #freePort()}. */
    public static int portOrFree(int requested) {
        if (requested < 0 || requested > 65535) {
            throw new IllegalArgumentException("Not a TCP port: " + requested);
        }
        return requested == 0 ? freePort() : requested;
    }

    /** True when nothing listens on 127.0.0.1:port right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind a probe socket on 127.0.0.1", e);
        }
    }
}
