package vestnik.loadtest.driver;

/** Hears each status callback the gateway POSTed to the driver, signature already checked. */
interface CallbackObserver {

    void callback(String externalId, String status, long nanos);
}
