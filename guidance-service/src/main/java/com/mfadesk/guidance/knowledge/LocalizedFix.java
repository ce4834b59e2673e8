package com.mfadesk.guidance.knowledge;

import java.util.List;

/** A fix in one language: the step texts and the labels of the pages they cite. */
public record LocalizedFix(String language, String title, List<String> steps, List<String> sources) {
}
