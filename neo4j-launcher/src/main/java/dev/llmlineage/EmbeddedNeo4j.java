package dev.llmlineage;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Neo4j Community in-process, Bolt on loopback only.
 *
 * <p>Usage: {@code EmbeddedNeo4j <dataDir> <boltPort>}. Authentication is off because the socket
 * only listens on 127.0.0.1; the Node side still sends its configured credentials so one code
 * path serves this, Docker and Aura. The process prints {@code READY bolt://127.0.0.1:PORT} once
 * Bolt is accepting and shuts the database down cleanly on SIGTERM/SIGINT or when stdin closes
 * (so an orphaned launcher never outlives the npm script that started it).
 */
public final class EmbeddedNeo4j {
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: EmbeddedNeo4j <dataDir> <boltPort>");
      System.exit(64);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);

    DatabaseManagementService service =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.transaction_timeout, java.time.Duration.ofSeconds(60))
            .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.shutdown();
                  stopped.countDown();
                }));
    System.out.println("READY bolt://127.0.0.1:" + port);
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
}
