package vestnik.gateway;

public final class Main {
    public static void main(String[] args) {
        throw new IllegalStateException("the gateway is being built");
    }
}
