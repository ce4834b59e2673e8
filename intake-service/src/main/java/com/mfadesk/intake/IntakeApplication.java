package com.mfadesk.intake;

import io.micronaut.runtime.Micronaut;

public class IntakeApplication {

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).start();
    }
}
