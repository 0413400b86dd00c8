package io.mysqlmigrate.source.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ViewOrderTest {

    private static SourceObject view(String name, String body) {
        return new SourceObject(ObjectKind.VIEW, "shop", name, "CREATE VIEW `shop`.`" + name + "` AS " + body);
    }

    @Test
    void aViewOnOtherViewsComesAfterThemAndTheRestKeepTheirOrder() {
        SourceObject joined = view("a_joined", "select 1 from (`shop`.`v_plain` `p` join `shop`.`v_definer` `d`)");
        SourceObject definer = view("v_definer", "select `id` from `shop`.`t`");
        SourceObject plain = view("v_plain", "select `id` from `shop`.`t`");
        SourceObject onJoined = view("b_on_joined", "select * from `shop`.`a_joined`");
        assertEquals(List.of("v_definer", "v_plain", "a_joined", "b_on_joined"),
                ViewOrder.dependenciesFirst(List.of(joined, onJoined, definer, plain)).stream().map(SourceObject::name).toList());
    }

    @Test
    void independentViewsStayAsGiven() {
        List<SourceObject> views = List.of(view("a", "select 1"), view("b", "select 2"), view("c", "select 3"));
        assertEquals(views, ViewOrder.dependenciesFirst(views));
    }
}
