package com.mfadesk.intake.imap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback between intake and the IMAP server that plays a failing server on demand: it refuses
 * connections (accepts and hangs up at once), goes silent (accepts and never answers), or hangs up a connection after
 * the server has sent a given number of bytes, which puts the drop inside a FETCH at a byte offset the test chose.
 */
final class UnreliableProxy implements AutoCloseable {

    enum Mode { FORWARD, REFUSE, SILENT }

    private final int targetPort;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Deque<Long> cuts = new ArrayDeque<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger cutsMade = new AtomicInteger();
    private volatile Mode mode = Mode.FORWARD;

    UnreliableProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon("proxy-accept", this::acceptLoop).start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** The next connections (one per offset) are hung up once the server has sent that many bytes on them. */
    synchronized void cutNextConnectionsAfter(List<Long> serverBytes) {
        cuts.clear();
        cuts.addAll(serverBytes);
    }

    /** Hangs up every open connection, as a server restart would. */
    void dropAll() {
        open.forEach(UnreliableProxy::closeQuietly);
        open.clear();
    }

    /** Connections accepted so far, whatever the mode. */
    int connections() {
        return connections.get();
    }

    int cutsMade() {
        return cutsMade.get();
    }

    /** Back to a healthy server: forwarding, no cuts planned. */
    synchronized void heal() {
        cuts.clear();
        mode = Mode.FORWARD;
    }

    private synchronized Long nextCut() {
        return cuts.poll();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            open.add(client);
            switch (mode) {
                case REFUSE -> closeQuietly(client);
                case SILENT -> { }
                case FORWARD -> forward(client);
            }
        }
    }

    private void forward(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
        } catch (IOException e) {
            closeQuietly(client);
            return;
        }
        open.add(server);
        Long cut = nextCut();
        daemon("proxy-up", () -> pump(client, server, Long.MAX_VALUE)).start();
        daemon("proxy-down", () -> {
            if (pump(server, client, cut == null ? Long.MAX_VALUE : cut)) {
                cutsMade.incrementAndGet();
            }
            closeQuietly(client);
            closeQuietly(server);
        }).start();
    }

    /** Copies until either side closes or {@code limit} bytes went through; true when the limit cut it off. */
    private static boolean pump(Socket from, Socket to, long limit) {
        byte[] buffer = new byte[8192];
        long sent = 0;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            while (sent < limit) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - sent));
                if (read < 0) {
                    return false;
                }
                out.write(buffer, 0, read);
                out.flush();
                sent += read;
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        dropAll();
    }
}
