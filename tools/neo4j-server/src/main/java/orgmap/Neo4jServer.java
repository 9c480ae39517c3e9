package orgmap;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Neo4j Community with Bolt on 127.0.0.1:PORT, authentication on, data in DIR:
 * {@code java -cp ... orgmap.Neo4jServer DIR PORT} with the password of user neo4j in
 * ORGMAP_NEO4J_PASSWORD. Prints "ready" once Bolt answers; stops cleanly on SIGTERM.
 */
public final class Neo4jServer {
    private Neo4jServer() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2 || System.getenv("ORGMAP_NEO4J_PASSWORD") == null) {
            System.err.println("usage: ORGMAP_NEO4J_PASSWORD=... Neo4jServer DATA_DIR PORT");
            System.exit(2);
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(data)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();  // SIGTERM: checkpoint and close the store files
            stopped.countDown();
        }));
        // The user's password, set again on every start: the tests and make neo4j pass it in.
        service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", System.getenv("ORGMAP_NEO4J_PASSWORD")));
        System.out.println("ready bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }
}
