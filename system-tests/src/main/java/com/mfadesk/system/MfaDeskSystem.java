package com.mfadesk.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * guidance-service, notify-service and intake-service started from their runnable jars, configured only through the
 * environment variables of CONTRACT.md.
 */
public final class MfaDeskSystem implements AutoCloseable {

    public static final String[] SERVICES = {"guidance", "notify", "intake"};

    private final List<ServiceProcess> processes = new ArrayList<>();

    private MfaDeskSystem() {
    }

    /**
     * @param environment   variables every service gets
     * @param perService    extra variables by service name (e.g. its DATASOURCES_DEFAULT_URL)
     * @param ports         port by service name
     */
    public static MfaDeskSystem start(Path projectRoot, Map<String, String> environment,
                                      Map<String, Map<String, String>> perService, Map<String, Integer> ports,
                                      Path runDir) throws IOException, InterruptedException {
        MfaDeskSystem system = new MfaDeskSystem();
        try {
            for (String service : SERVICES) {
                Map<String, String> env = new HashMap<>(environment);
                env.putAll(perService.getOrDefault(service, Map.of()));
                system.processes.add(ServiceProcess.start(service, jarOf(projectRoot, service), ports.get(service),
                        env, runDir.resolve(service)));
            }
            for (ServiceProcess process : system.processes) {
                process.awaitHealthy(Duration.ofSeconds(120));
            }
            return system;
        } catch (IOException | InterruptedException | RuntimeException e) {
            system.close();
            throw e;
        }
    }

    public ServiceProcess service(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name));
    }

    /** The runnable (shaded) jar of a service module, built by {@code ./mvnw package}. */
    static Path jarOf(Path projectRoot, String service) throws IOException {
        Path target = projectRoot.resolve(service + "-service").resolve("target");
        try (Stream<Path> jars = Files.list(target)) {
            return jars.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().startsWith("original-"))
                    .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar in " + target + ": run ./mvnw package"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("no " + target + ": run ./mvnw -DskipTests package first", e);
        }
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }
}
