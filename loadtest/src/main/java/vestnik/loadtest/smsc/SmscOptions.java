package vestnik.loadtest.smsc;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Command-line flags of {@link SimulatedSmsc#main}. */
record SmscOptions(SimulatedSmsc.Builder builder, boolean help) {

    static final String USAGE = """
            Usage: SimulatedSmsc [flags]
              --host ADDR                 listen address (default 127.0.0.1; 0.0.0.0 for all)
              --port N                    TCP port (default 2775; 0 = any free port)
              --system-id ID --password P require these credentials (default: accept any)
              --id-format F               HEX_UPPER | HEX_LOWER | DECIMAL | HEX_IN_RESP_DECIMAL_IN_RECEIPT
              --no-receipts               never send delivery receipts
              --receipt-delay-ms N        delay between submit_sm_resp and the receipt (default 0)
              --receipt-carrier C         TEXT_ONLY | TLV_ONLY | BOTH (default BOTH)
              --receipt-before-response   deliver the receipt before submit_sm_resp
              --outcome-mix DELIVRD=90,UNDELIV=7,EXPIRED=3
              --throttle-every N          refuse every Nth submit_sm with 0x58
              --submit-delay-ms N         answer each submit_sm after N ms
              --pdu-threads N             PDU threads per session (default 32)
              --receipt-threads N         receipt sender threads (default 16)
              --record                    keep every submit for inspection (off by default here)
            """;

    static SmscOptions parse(String[] args) {
        SimulatedSmsc.Builder b = SimulatedSmsc.builder().port(2775).recording(false);
        String systemId = null;
        String password = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--help", "-h" -> help = true;
                case "--host" -> b.host(value(args, ++i, flag));
                case "--port" -> b.port(number(args, ++i, flag));
                case "--system-id" -> systemId = value(args, ++i, flag);
                case "--password" -> password = value(args, ++i, flag);
                case "--id-format" -> b.messageIdFormat(
                        MessageIdFormat.valueOf(value(args, ++i, flag).toUpperCase(Locale.ROOT)));
                case "--no-receipts" -> b.receipts(false);
                case "--receipt-delay-ms" -> b.receiptDelay(Duration.ofMillis(number(args, ++i, flag)));
                case "--receipt-carrier" -> b.receiptCarrier(
                        ReceiptCarrier.valueOf(value(args, ++i, flag).toUpperCase(Locale.ROOT)));
                case "--receipt-before-response" -> b.receiptBeforeResponse(true);
                case "--outcome-mix" -> b.outcomeMix(mix(value(args, ++i, flag)));
                case "--throttle-every" -> b.throttleEvery(number(args, ++i, flag), 0x58);
                case "--submit-delay-ms" -> b.submitDelay(Duration.ofMillis(number(args, ++i, flag)));
                case "--pdu-threads" -> b.pduProcessorDegree(number(args, ++i, flag));
                case "--receipt-threads" -> b.receiptThreads(number(args, ++i, flag));
                case "--record" -> b.recording(true);
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if ((systemId == null) != (password == null)) {
            throw new IllegalArgumentException("--system-id and --password go together");
        }
        if (systemId != null) {
            b.credentials(systemId, password);
        }
        return new SmscOptions(b, help);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int number(String[] args, int i, String flag) {
        try {
            return Integer.parseInt(value(args, i, flag));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number");
        }
    }

    private static Map<ReceiptOutcome, Integer> mix(String spec) {
        Map<ReceiptOutcome, Integer> weights = new EnumMap<>(ReceiptOutcome.class);
        for (String pair : spec.split(",")) {
            String[] kv = pair.trim().split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("--outcome-mix takes OUTCOME=WEIGHT,...");
            }
            weights.put(ReceiptOutcome.valueOf(kv[0].trim().toUpperCase(Locale.ROOT)), Integer.parseInt(kv[1].trim()));
        }
        return weights;
    }
}
