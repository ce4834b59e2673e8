package com.mfadesk.notify;

import io.micronaut.runtime.Micronaut;

public class NotifyApplication {

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).start();
    }
}
