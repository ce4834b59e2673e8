package com.mfadesk.notify.reply;

import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The sentences of user messages in the user's language (i18n/replies_*.properties: en, de, fr, es, nl, pt),
 * English where a language or a sentence is missing.
 */
@Singleton
public class ReplyTexts {

    private static final String BUNDLE = "i18n.replies";
    // no fallback to the JVM's default locale: an unknown language means English, whatever the server runs in
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public String text(String language, String key) {
        try {
            return bundle(language).getString(key);
        } catch (MissingResourceException e) {
            return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, CONTROL).getString(key);
        }
    }

    /** A sentence with its one placeholder {0} filled in (plain replacement: the texts are full of apostrophes). */
    public String text(String language, String key, String value) {
        return text(language, key).replace("{0}", value);
    }

    public boolean has(String key) {
        return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, CONTROL).containsKey(key);
    }

    private static ResourceBundle bundle(String language) {
        Locale locale = language == null || language.isBlank() ? Locale.ROOT : Locale.forLanguageTag(language);
        return ResourceBundle.getBundle(BUNDLE, locale, CONTROL);
    }
}
