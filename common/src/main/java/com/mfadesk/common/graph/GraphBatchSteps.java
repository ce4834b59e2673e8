package com.mfadesk.common.graph;

import java.util.List;

/** Tags a {@code $batch} request with the URLs inside it, which Graph counts (and paces) one by one. */
record GraphBatchSteps(List<String> urls) {
}
