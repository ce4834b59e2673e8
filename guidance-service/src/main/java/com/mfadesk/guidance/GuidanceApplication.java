package com.mfadesk.guidance;

import io.micronaut.runtime.Micronaut;

public class GuidanceApplication {

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).start();
    }
}
