package dev.llmlineage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.event.DatabaseEventContext;
import org.neo4j.graphdb.event.DatabaseEventListenerInternal;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j Community in-process, Bolt on loopback only.
 *
 * <p>Usage: {@code EmbeddedNeo4j <dataDir> <boltPort>}; port 0 lets the OS pick a free port.
 * Authentication is off because the socket only listens on 127.0.0.1; the Node side still sends
 * its configured credentials so one code path serves this, Docker and Aura. Once Bolt accepts
 * connections the process prints {@code READY bolt://127.0.0.1:PORT} (the real port) on stdout.
 * If the database cannot start it prints {@code FAILED <reason>} on stderr and exits with 1. It
 * shuts the database down cleanly on SIGTERM/SIGINT or when stdin closes (so an orphaned launcher
 * never outlives the npm script that started it). Neo4j's own logs go to {@code <dataDir>/logs}.
 *
 * <p>A database that panics (say a write failed on a full disk) refuses every transaction until
 * it is restarted, so the launcher prints {@code PANIC <database>} (and {@code DISK_FULL
 * <database>} when Neo4j says it ran out of space) on stderr and halts with exit code 3; the
 * Node supervisor restarts it, and recovery replays the transaction log.
 */
public final class EmbeddedNeo4j {
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: EmbeddedNeo4j <dataDir> <boltPort>");
      System.exit(64);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);

    DatabaseManagementService service;
    try {
      service =
          new DatabaseManagementServiceBuilder(home)
              .setConfig(BoltConnector.enabled, true)
              .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
              .setConfig(HttpConnector.enabled, false)
              .setConfig(GraphDatabaseSettings.auth_enabled, false)
              .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(60))
              // Timeouts are checked this often (2 s by default): CYPHER_TIMEOUT_MS holds within 0.1 s.
              .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
              // A development database: small page cache, bounded transaction logs, no phoning home.
              .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
              .setConfig(GraphDatabaseSettings.keep_logical_logs, "100M size")
              .setConfig(GraphDatabaseSettings.udc_enabled, false)
              // Netty waits 5 s of quiet per event loop group on shutdown (10 s in all) by default.
              .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
              .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
              .build();
    } catch (Throwable e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      System.err.println("FAILED " + root.getClass().getSimpleName() + ": " + root.getMessage());
      System.err.flush();
      System.exit(1);
      return;
    }

    service.registerDatabaseEventListener(new PanicListener());

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.shutdown();
                  stopped.countDown();
                }));

    int boundPort =
        ((GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))
            .getDependencyResolver()
            .resolveDependency(ConnectorPortRegister.class)
            .getLocalAddress(ConnectorType.BOLT)
            .getPort();
    System.out.println("READY bolt://127.0.0.1:" + boundPort);
    System.out.flush();

    boolean watchStdin = !"false".equals(System.getenv("NEO4J_LAUNCHER_WATCH_STDIN"));
    if (watchStdin) {
      // EOF on stdin means our parent went away without signalling us.
      while (System.in.read() != -1) {
        // drain
      }
      System.exit(0);
    }
    stopped.await();
  }

  /** Reports a panic or a full disk on stderr; a panic halts the JVM (a clean shutdown may hang on a broken store). */
  private static final class PanicListener implements DatabaseEventListenerInternal {
    @Override
    public void databasePanic(DatabaseEventContext context) {
      System.err.println("PANIC " + context.getDatabaseName());
      System.err.flush();
      System.out.flush();
      Runtime.getRuntime().halt(3);
    }

    @Override
    public void databaseOutOfDiskSpace(DatabaseEventContext context) {
      System.err.println("DISK_FULL " + context.getDatabaseName());
      System.err.flush();
    }

    @Override
    public void databaseStart(DatabaseEventContext context) {}

    @Override
    public void databaseShutdown(DatabaseEventContext context) {}

    @Override
    public void databaseCreate(DatabaseEventContext context) {}

    @Override
    public void databaseDrop(DatabaseEventContext context) {}
  }
}
