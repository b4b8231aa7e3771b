package vestnik.templates.model;

/**
 * The tenant's identification as its settings give it: the creditor's (or representative's) name and the
 * contact phone that messages must carry. Either may be null when the tenant has not set it.
 */
public record TenantProfile(String name, String phone) {

    public static TenantProfile unknown() {
        return new TenantProfile(null, null);
    }
}
