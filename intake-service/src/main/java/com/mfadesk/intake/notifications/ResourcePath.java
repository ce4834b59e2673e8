package com.mfadesk.intake.notifications;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

/**
 * How Graph writes a notification's {@code resource}: segments keyed in OData form ({@code messages('M')}) or as a
 * path ({@code messages/M}), possibly percent-encoded. The sources' resource patterns are built from {@link #KEY}.
 */
public final class ResourcePath {

    /** One key: group n holds it in OData form, group n + 1 in path form. */
    public static final String KEY = "(?:\\('([^']+)'\\)|/([^/()']+))";

    private ResourcePath() {
    }

    /** The resource percent-decoded; a literal '+' stays a '+'. */
    public static String decode(String resource) {
        return URLDecoder.decode(resource.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The key whose OData group is {@code group}. */
    public static String key(Matcher matcher, int group) {
        return matcher.group(group) != null ? matcher.group(group) : matcher.group(group + 1);
    }
}
