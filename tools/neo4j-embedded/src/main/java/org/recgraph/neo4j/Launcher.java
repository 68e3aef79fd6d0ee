package org.recgraph.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.kernel.recovery.Recovery;
import org.neo4j.memory.EmptyMemoryTracker;

/**
 * Runs Neo4j Community with Bolt on 127.0.0.1 only, for recgraph's local default and its tests.
 *
 * <p>Usage: {@code java [JVM flags] -cp 'neo4j-embedded.jar:lib/*' org.recgraph.neo4j.Launcher
 * --home DIR --port N [--pagecache 256m] [--tx-memory 1g] [--owner PID]}
 *
 * <p>When the default database is available it writes {@code DIR/ready.json} (pid, port, bolt URI)
 * and prints one "ready" line; on SIGTERM/SIGINT it shuts the DBMS down cleanly (checkpoint, no
 * recovery on the next start), removes {@code ready.json} and exits 0. With {@code --owner PID} it
 * does the same when that process ends, however it ends (a test run or a server killed with
 * SIGKILL leaves no Neo4j behind); without it, it runs until stopped ({@code recgraph db start}).
 * Authentication is off: the server listens on loopback only and is meant for one developer's
 * machine or one test run.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path home = options.home.toAbsolutePath();
        Files.createDirectories(home);
        Path readyFile = home.resolve("ready.json");
        Files.deleteIfExists(readyFile);
        boolean recoveryRequired = recoveryRequired(home);
        if (recoveryRequired) {
            log("the store was not shut down cleanly; Neo4j will recover it from its transaction log");
        }

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", options.port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", options.port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCacheBytes)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, options.txMemoryBytes)
                // Bolt waits 5 s twice by default for idle connections and its thread pool on
                // shutdown; one second each is plenty on loopback and makes `db:stop` quick.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            log("shutting down");
            try {
                Files.deleteIfExists(readyFile);
            } catch (IOException e) {
                log("could not remove " + readyFile + ": " + e.getMessage());
            }
            dbms.shutdown();
            log("stopped cleanly");
            stopped.countDown();
        }, "recgraph-neo4j-shutdown");
        // The JVM runs shutdown hooks on SIGTERM and SIGINT, so a plain `kill` closes the store cleanly.
        Runtime.getRuntime().addShutdownHook(shutdown);
        if (options.owner > 0) {
            // System.exit runs the shutdown hook above. An owner already gone completes at once.
            ProcessHandle.of(options.owner).ifPresentOrElse(
                    owner -> owner.onExit().thenRun(() -> {
                        log("owner process " + options.owner + " ended");
                        System.exit(0);
                    }),
                    () -> {
                        log("owner process " + options.owner + " is not running");
                        System.exit(0);
                    });
        }

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(TimeUnit.MINUTES.toMillis(5))) {
            log("database did not become available");
            System.exit(2);
        }

        String bolt = "bolt://127.0.0.1:" + options.port;
        String json = String.format(
                "{\"pid\":%d,\"port\":%d,\"uri\":\"%s\",\"recovered\":%b,\"home\":\"%s\",\"startedAt\":\"%s\"}%n",
                ProcessHandle.current().pid(), options.port, bolt, recoveryRequired,
                home.toString().replace("\\", "\\\\").replace("\"", "\\\""), Instant.now());
        Path tmp = home.resolve("ready.json.tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        log("ready " + bolt);

        stopped.await();
    }

    /** True when the default database exists and its transaction log says it was not closed cleanly. */
    private static boolean recoveryRequired(Path home) {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
        DatabaseLayout layout = Neo4jLayout.of(config).databaseLayout(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!Files.isDirectory(layout.databaseDirectory())) {
            return false;
        }
        try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            return Recovery.isRecoveryRequired(fs, layout, config, EmptyMemoryTracker.INSTANCE);
        } catch (Exception e) {
            log("could not check whether recovery is required: " + e.getMessage());
            return false;
        }
    }

    private static void log(String message) {
        System.out.println("[recgraph-neo4j] " + Instant.now() + " " + message);
        System.out.flush();
    }

    private static final class Options {
        Path home;
        int port = 7687;
        long pageCacheBytes = ByteUnit.mebiBytes(256);
        long txMemoryBytes = ByteUnit.gibiBytes(1);
        /** The process whose end stops this one; 0 for none. */
        long owner = 0;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (arg) {
                    case "--home" -> { o.home = Path.of(require(arg, value)); i++; }
                    case "--port" -> { o.port = Integer.parseInt(require(arg, value)); i++; }
                    case "--pagecache" -> { o.pageCacheBytes = bytes(require(arg, value)); i++; }
                    case "--tx-memory" -> { o.txMemoryBytes = bytes(require(arg, value)); i++; }
                    case "--owner" -> { o.owner = Long.parseLong(require(arg, value)); i++; }
                    default -> usage("unknown argument " + arg);
                }
            }
            if (o.home == null) {
                usage("--home is required");
            }
            if (o.port < 1 || o.port > 65535) {
                usage("--port must be 1-65535");
            }
            return o;
        }

        private static String require(String arg, String value) {
            if (value == null) {
                usage(arg + " needs a value");
            }
            return value;
        }

        /** Parses sizes such as 512m, 2g, 1048576. */
        private static long bytes(String text) {
            String t = text.trim().toLowerCase();
            long factor = 1;
            char unit = t.charAt(t.length() - 1);
            if (unit == 'k' || unit == 'm' || unit == 'g') {
                factor = unit == 'k' ? 1024L : unit == 'm' ? 1024L * 1024 : 1024L * 1024 * 1024;
                t = t.substring(0, t.length() - 1);
            }
            return Long.parseLong(t) * factor;
        }

        private static void usage(String problem) {
            System.err.println("neo4j-embedded: " + problem);
            System.err.println(
                    "usage: Launcher --home DIR --port N [--pagecache 256m] [--tx-memory 1g] [--owner PID]");
            System.exit(64);
        }
    }
}
