package com.mfadesk.intake.email;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a mail failed authentication at our boundary (SCENARIOS.md rule 2). Only the receiving server's verdict is
 * read: every server prepends its own {@code Authentication-Results}, so the topmost one is the last hop's, ours,
 * and a sender can write any verdict further down but never above it. Exchange Online removes
 * {@code X-MS-Exchange-Organization-*} headers from mail that comes in from outside, so its {@code AuthAs} is its own.
 */
final class BoundaryAuthentication {

    private static final Pattern RESULT = Pattern.compile("(?i)\\b(spf|dmarc|compauth)\\s*=\\s*([a-z]+)");

    private BoundaryAuthentication() {
    }

    /**
     * @param topmostResults the first {@code Authentication-Results} header, or null
     * @param authAs         Exchange's {@code X-MS-Exchange-Organization-AuthAs}, or null; {@code Anonymous} means
     *                       the mail came from outside, which a mail From our own domains never should
     */
    static boolean failed(String topmostResults, String authAs) {
        if (authAs != null && authAs.strip().equalsIgnoreCase("anonymous")) {
            return true;
        }
        if (topmostResults == null) {
            return false;
        }
        Map<String, String> results = new HashMap<>();
        Matcher m = RESULT.matcher(topmostResults);
        while (m.find()) {
            results.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), m.group(2).toLowerCase(Locale.ROOT));
        }
        String dmarc = results.getOrDefault("dmarc", "none");
        String spf = results.getOrDefault("spf", "none");
        // dmarc=none alone is ordinary internal mail; a forwarder breaks SPF, which DKIM-aligned DMARC outweighs
        return dmarc.equals("fail") || dmarc.equals("temperror") || dmarc.equals("permerror")
                || "fail".equals(results.get("compauth"))
                || ((spf.equals("fail") || spf.equals("softfail")) && !dmarc.equals("pass"));
    }
}
