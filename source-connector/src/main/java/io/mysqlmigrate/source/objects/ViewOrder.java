package io.mysqlmigrate.source.objects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Views in an order the destination can create them in: a view that selects from another view comes after it
 * (CREATE VIEW fails with "Table ... doesn't exist" otherwise). The source prints every table a view reads as
 * {@code `db`.`name`}, so a view depends on each other view of its database whose quoted, qualified name its
 * statement contains. Within what the dependencies leave free, the given (alphabetical) order is kept.
 */
final class ViewOrder {

    private ViewOrder() {
    }

    static List<SourceObject> dependenciesFirst(List<SourceObject> views) {
        Map<String, SourceObject> byName = new LinkedHashMap<>();
        views.forEach(v -> byName.put(v.name(), v));
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        for (SourceObject view : views) {
            Set<String> uses = new LinkedHashSet<>();
            for (SourceObject other : views) {
                if (other != view && view.createStatement().contains(quoted(other.database(), other.name()))) {
                    uses.add(other.name());
                }
            }
            needs.put(view.name(), uses);
        }
        List<SourceObject> out = new ArrayList<>(views.size());
        Set<String> placed = new LinkedHashSet<>();
        while (out.size() < views.size()) {
            boolean progress = false;
            for (SourceObject view : views) {
                if (!placed.contains(view.name()) && placed.containsAll(needs.get(view.name()))) {
                    out.add(view);
                    placed.add(view.name());
                    progress = true;
                    break; // restart from the top so the given order decides among the free ones
                }
            }
            if (!progress) { // a name that merely looks like a dependency in both directions: keep the rest as given
                views.stream().filter(v -> !placed.contains(v.name())).forEach(v -> {
                    out.add(v);
                    placed.add(v.name());
                });
            }
        }
        return out;
    }

    private static String quoted(String database, String name) {
        return "`" + database.replace("`", "``") + "`.`" + name.replace("`", "``") + "`";
    }
}
