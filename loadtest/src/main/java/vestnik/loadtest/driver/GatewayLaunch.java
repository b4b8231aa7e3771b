package vestnik.loadtest.driver;

import java.nio.file.Path;

/**
 * How the driver runs the gateway jar: heap limit, whether to record a JFR profile, the SMS channel it configures
 * towards the in-process SMSC simulator (binds, window per bind, a rate cap high enough not to limit), and which
 * status callbacks the tenant takes.
 */
record GatewayLaunch(Path jar, String xmx, boolean jfr, int binds, int window, int maxRate, int pduThreads,
                     CallbackMode callbacks) {

    /** POSTs in flight to the driver's callback receiver: as many as the intake's requests in flight. */
    static final int CALLBACK_CONCURRENCY = 64;

    /**
     * The configuration file: embedded Redis in {@code dataDir}, one tenant (with signed status callbacks to
     * {@code callbackUrl} unless the mode is none), one {@code sms} channel.
     */
    String configYaml(Path dataDir, int httpPort, String apiKey, int smscPort, String callbackUrl) {
        StringBuilder tenantCallbacks = new StringBuilder();
        if (callbacks != CallbackMode.NONE) {
            tenantCallbacks.append("    callbacks:\n")
                    .append("      url: ").append(callbackUrl).append('\n')
                    .append("      secret: ").append(CallbackReceiver.SECRET).append('\n');
            if (!callbacks.statuses.isEmpty()) {
                tenantCallbacks.append("      statuses: [").append(String.join(", ", callbacks.statuses)).append("]\n");
            }
        }
        return """
                instanceId: loadtest
                http:
                  host: 127.0.0.1
                  port: %d
                redis:
                  uri: embedded
                  dataDir: "%s"
                dispatch:
                  contactPolicy: false   # raw throughput: the jobs' phones are placed nowhere, runs happen at night
                callbacks:
                  perHostConcurrency: %d
                tenants:
                  - id: loadtest
                    name: "Load test"
                    apiKeys:
                      - key: %s
                        roles: [upstream]
                %schannels:
                  sms:
                    type: smpp
                    host: 127.0.0.1
                    port: %d
                    systemId: loadtest
                    password: secret
                    sourceAddr: VESTNIK
                    binds: %d
                    window: %d
                    maxRate: %d
                    pduProcessorDegree: %d
                    reconnectMin: PT0.2S
                    reconnectMax: PT5S
                """.formatted(httpPort, dataDir.toAbsolutePath(), CALLBACK_CONCURRENCY, apiKey, tenantCallbacks,
                smscPort, binds, window, maxRate, pduThreads);
    }
}
