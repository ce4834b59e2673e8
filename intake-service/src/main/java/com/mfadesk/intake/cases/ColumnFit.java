package com.mfadesk.intake.cases;

/**
 * Cuts a value to the length of its column, marked with "…" so that nobody takes it for the whole. The raw message
 * keeps every header whole; the columns only have to hold what people read and search.
 */
final class ColumnFit {

    static final String MARK = "…";

    private ColumnFit() {
    }

    static String cut(String value, int columnLength) {
        if (value == null || value.length() <= columnLength) {
            return value;
        }
        int end = columnLength - MARK.length();
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + MARK;
    }
}
