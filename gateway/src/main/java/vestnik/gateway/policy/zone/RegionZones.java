package vestnik.gateway.policy.zone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every federal subject of Russia and its IANA time zone, found by ISO 3166-2:RU code, tax-service code or any of
 * its names as contacts, jobs, addresses and the numbering plan write them. The Sakha Republic spans three zones: it
 * is placed by its district, and reported as ambiguous (with the zones it may be in) when no district is known.
 *
 * <p>Loaded from {@code policy/regions.csv} and {@code policy/region-districts.csv}; the files document their scope
 * and sources. Immutable and safe to share.
 */
public final class RegionZones {

    private static final String REGIONS_RESOURCE = "/policy/regions.csv";
    private static final String DISTRICTS_RESOURCE = "/policy/region-districts.csv";
    private static final Pattern ISO_CODE = Pattern.compile("(?i)RU-[A-Z]{2,3}");

    private static volatile RegionZones bundled;

    private final List<Region> regions;
    private final Map<String, Region> byCode;
    private final Map<String, Region> byFullName;
    private final Map<String, Region> byBareName;
    private final Map<String, DistrictTable> districts;
    private final Map<ZoneId, Set<String>> regionsByZone;
    private final Set<ZoneId> allZones;

    private record District(String name, ZoneId zone) {
    }

    /** One subject's districts, by full and bare name keys (a bare key two districts share is dropped). */
    private static final class DistrictTable {
        final Map<String, District> byFull = new HashMap<>();
        final Map<String, District> byBare = new HashMap<>();
        final Set<String> clashingBare = new HashSet<>();

        void add(String alias, District d) {
            String full = NameKeys.full(alias);
            District prev = byFull.putIfAbsent(full, d);
            if (prev != null && !prev.equals(d)) {
                throw new IllegalArgumentException("district name '" + alias + "' names both " + prev.name()
                        + " and " + d.name());
            }
            String bare = NameKeys.bare(alias);
            if (bare.isEmpty() || clashingBare.contains(bare)) {
                return;
            }
            District other = byBare.putIfAbsent(bare, d);
            if (other != null && !other.equals(d)) {
                byBare.remove(bare);
                clashingBare.add(bare);
            }
        }

        Optional<District> find(String text) {
            District d = byFull.get(NameKeys.full(text));
            if (d == null) {
                d = byBare.get(NameKeys.bare(text));
            }
            return Optional.ofNullable(d);
        }
    }

    private RegionZones(List<Region> regions, Map<String, DistrictTable> districts) {
        this.regions = List.copyOf(regions);
        this.districts = Map.copyOf(districts);
        Map<String, Region> codes = new HashMap<>();
        Map<String, Region> full = new HashMap<>();
        Map<String, Region> bare = new HashMap<>();
        Set<String> clashingBare = new HashSet<>();
        Map<ZoneId, Set<String>> byZone = new LinkedHashMap<>();
        Set<ZoneId> zones = new LinkedHashSet<>();
        for (Region r : regions) {
            putUnique(codes, r.code().toUpperCase(Locale.ROOT), r, "code");
            putUnique(codes, r.fnsCode(), r, "subject code");
            putUnique(codes, String.valueOf(Integer.parseInt(r.fnsCode())), r, "subject code");
            for (String name : r.names()) {
                putUnique(full, NameKeys.full(name), r, "name");
                String b = NameKeys.bare(name);
                if (b.isEmpty() || clashingBare.contains(b)) {
                    continue;
                }
                Region other = bare.putIfAbsent(b, r);
                if (other != null && other != r) {
                    // "Altai" is both Altai Krai and the Altai Republic: such a short form must not pick one.
                    bare.remove(b);
                    clashingBare.add(b);
                }
            }
            for (ZoneId z : r.zones()) {
                byZone.computeIfAbsent(z, k -> new LinkedHashSet<>()).add(r.code());
                zones.add(z);
            }
        }
        this.byCode = Map.copyOf(codes);
        this.byFullName = Map.copyOf(full);
        this.byBareName = Map.copyOf(bare);
        Map<ZoneId, Set<String>> frozen = new LinkedHashMap<>();
        byZone.forEach((z, codesInZone) -> frozen.put(z, Collections.unmodifiableSet(codesInZone)));
        this.regionsByZone = Collections.unmodifiableMap(frozen);
        this.allZones = Collections.unmodifiableSet(zones);
    }

    private static void putUnique(Map<String, Region> map, String key, Region r, String what) {
        if (key.isEmpty()) {
            return;
        }
        Region prev = map.putIfAbsent(key, r);
        if (prev != null && prev != r) {
            throw new IllegalArgumentException("the " + what + " '" + key + "' is given to both " + prev.code()
                    + " and " + r.code());
        }
    }

    /** The table shipped with the gateway. */
    public static RegionZones bundled() {
        RegionZones b = bundled;
        if (b == null) {
            synchronized (RegionZones.class) {
                b = bundled;
                if (b == null) {
                    try (InputStream regions = resource(REGIONS_RESOURCE);
                         InputStream districts = resource(DISTRICTS_RESOURCE)) {
                        b = load(new InputStreamReader(regions, StandardCharsets.UTF_8),
                                new InputStreamReader(districts, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    bundled = b;
                }
            }
        }
        return b;
    }

    private static InputStream resource(String name) {
        InputStream in = RegionZones.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is missing from the classpath");
        }
        return in;
    }

    /** Reads tables in the format of the bundled files ({@code #} comments, {@code ;} columns, {@code |} names). */
    public static RegionZones load(Reader regions, Reader districts) throws IOException {
        List<Region> list = new ArrayList<>();
        Map<String, List<String[]>> districtRows = new TreeMap<>();
        for (String[] row : rows(districts, 3, "region-districts")) {
            districtRows.computeIfAbsent(row[0].trim().toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(row);
        }
        Map<String, DistrictTable> tables = new HashMap<>();
        for (String[] row : rows(regions, 4, "regions")) {
            String code = row[0].trim().toUpperCase(Locale.ROOT);
            if (!ISO_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("regions: '" + code + "' is not a code like RU-MOW");
            }
            List<String> names = names(row[3]);
            if (names.isEmpty()) {
                throw new IllegalArgumentException("regions: " + code + " has no name");
            }
            if (row[2].isBlank()) {
                List<String[]> ds = districtRows.remove(code);
                if (ds == null) {
                    throw new IllegalArgumentException("regions: " + code + " has no zone and no districts");
                }
                DistrictTable table = new DistrictTable();
                Set<ZoneId> zones = new LinkedHashSet<>();
                for (String[] d : ds) {
                    List<String> dn = names(d[2]);
                    District district = new District(dn.get(0), zone(d[1], code));
                    zones.add(district.zone());
                    dn.forEach(alias -> table.add(alias, district));
                }
                tables.put(code, table);
                list.add(new Region(code, row[1].trim(), null, zones, names));
            } else {
                ZoneId z = zone(row[2], code);
                list.add(new Region(code, row[1].trim(), z, Set.of(z), names));
            }
        }
        if (!districtRows.isEmpty()) {
            throw new IllegalArgumentException("region-districts: districts of " + districtRows.keySet()
                    + ", which have a zone of their own or are not listed");
        }
        return new RegionZones(list, tables);
    }

    /** Reads tables given as text, e.g. an uploaded replacement. */
    public static RegionZones load(String regions, String districts) {
        try {
            return load(new StringReader(regions), new StringReader(districts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> rows(Reader in, int columns, String file) throws IOException {
        List<String[]> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(in);
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split(";", -1);
            if (cols.length != columns) {
                throw new IllegalArgumentException(file + " line " + n + ": expected " + columns + " columns, got "
                        + cols.length);
            }
            out.add(cols);
        }
        return out;
    }

    private static List<String> names(String column) {
        return Arrays.stream(column.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static ZoneId zone(String text, String code) {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(code + ": '" + text.trim() + "' is not an IANA zone", e);
        }
    }

    public List<Region> regions() {
        return regions;
    }

    /** Every zone some part of Russia (as listed) uses: the set the all-zones window is computed over. */
    public Set<ZoneId> allZones() {
        return allZones;
    }

    /** The codes of the subjects that use {@code zone} (on all or part of their territory). */
    public Set<String> regionsIn(ZoneId zone) {
        return regionsByZone.getOrDefault(zone, Set.of());
    }

    /** The subject a text names as a whole: ISO code, tax-service code or one of its names. */
    public Optional<Region> region(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        Region r = byCode.get(t.toUpperCase(Locale.ROOT));
        if (r == null) {
            r = byFullName.get(NameKeys.full(t));
        }
        if (r == null) {
            r = byBareName.get(NameKeys.bare(t));
        }
        return Optional.ofNullable(r);
    }

    /**
     * Places a region text, reading compound texts piece by piece ("г. Москва и Московская область",
     * "Оймяконский м.р-н|Республика Саха (Якутия)", an address line). For a subject that spans several zones, the
     * district is looked for in {@code districtHints} and in the pieces of the region text itself.
     *
     * @param regionText    a subject as written, possibly with more around it; may be null
     * @param districtHints texts that may name the district (a district field, ГАР territory); nulls are skipped
     */
    public RegionMatch match(String regionText, String... districtHints) {
        if (regionText == null || regionText.isBlank()) {
            return RegionMatch.NONE;
        }
        List<Region> found = new ArrayList<>();
        region(regionText).ifPresentOrElse(found::add, () -> {
            for (String part : NameKeys.parts(regionText)) {
                region(part).filter(r -> !found.contains(r)).ifPresent(found::add);
            }
        });
        if (found.isEmpty()) {
            return RegionMatch.NONE;
        }
        List<String> hints = new ArrayList<>();
        for (String h : districtHints) {
            if (h != null && !h.isBlank()) {
                hints.add(h);
                hints.addAll(NameKeys.parts(h));
            }
        }
        hints.addAll(NameKeys.parts(regionText));
        Set<ZoneId> zones = new LinkedHashSet<>();
        String district = null;
        for (Region r : found) {
            if (!r.needsDistrict()) {
                zones.add(r.zone());
                continue;
            }
            Optional<District> d = findDistrict(r, hints);
            if (d.isPresent()) {
                zones.add(d.get().zone());
                district = d.get().name();
            } else {
                zones.addAll(r.zones());
            }
        }
        if (zones.size() == 1) {
            return new RegionMatch(found, zones.iterator().next(), zones, district);
        }
        return new RegionMatch(found, null, zones, null);
    }

    private Optional<District> findDistrict(Region r, Collection<String> hints) {
        DistrictTable table = districts.get(r.code());
        for (String h : hints) {
            Optional<District> d = table.find(h);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /**
     * Places an address: only pieces that name a subject with its kind word or in one of its listed forms count
     * ("Московская ул." is a street, not the Moscow region), then the district is looked for in the hints and in
     * all pieces.
     */
    public RegionMatch matchAddress(String address, String... districtHints) {
        if (address == null || address.isBlank()) {
            return RegionMatch.NONE;
        }
        List<String> pieces = new ArrayList<>(NameKeys.parts(address));
        List<String> subjects = new ArrayList<>();
        for (String p : pieces) {
            Region r = byFullName.get(NameKeys.full(p));
            if (r != null) {
                subjects.add(r.code());
            }
        }
        if (subjects.isEmpty()) {
            return RegionMatch.NONE;
        }
        for (String h : districtHints) {
            if (h != null && !h.isBlank()) {
                pieces.add(0, h);
            }
        }
        return match(String.join("|", new LinkedHashSet<>(subjects)), pieces.toArray(String[]::new));
    }

    @Override
    public String toString() {
        return "RegionZones[" + regions.size() + " subjects, " + allZones.size() + " zones]";
    }
}
