package vestnik.loadtest.driver;

import java.nio.file.Path;

/**
 * How the driver runs the gateway jar: heap limit, whether to record a JFR profile, and the SMS channel it
 * configures towards the in-process SMSC simulator (binds, window per bind, a rate cap high enough not to limit).
 */
record GatewayLaunch(Path jar, String xmx, boolean jfr, int binds, int window, int maxRate, int pduThreads) {

    /** The configuration file: embedded Redis in {@code dataDir}, one tenant, one {@code sms} channel. */
    String configYaml(Path dataDir, int httpPort, String apiKey, int smscPort) {
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
                tenants:
                  - id: loadtest
                    name: "Load test"
                    apiKeys:
                      - key: %s
                        roles: [upstream]
                channels:
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
                """.formatted(httpPort, dataDir.toAbsolutePath(), apiKey, smscPort, binds, window, maxRate,
                pduThreads);
    }
}
