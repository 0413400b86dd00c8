package io.mysqlmigrate.precheck;

/** Counts in words for people: "1 chunk", "2 chunks", "1 warning", "0 warnings". */
public final class Words {
    private Words() {
    }

    /** The count and the noun in the number it takes in English. */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
