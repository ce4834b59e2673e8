package com.mfadesk.notify.graph;

import com.mfadesk.common.graph.GraphException;
import com.mfadesk.common.graph.GraphCalls;
import com.microsoft.graph.models.AuthenticationMethod;
import com.microsoft.graph.models.PhoneAuthenticationMethod;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import jakarta.inject.Singleton;

import io.micronaut.context.annotation.Value;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * Users and their registered sign-in methods. Users found and method lists are kept briefly: a burst of messages from
 * one person (or a follow-up) should not cost Graph calls twice, and a method registered a minute later changes
 * little.
 */
@Singleton
public class Directory {

    private static final String TYPE_PREFIX = "#microsoft.graph.";
    private static final int MAX_CACHED = 10_000;

    private final GraphServiceClient graph;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Map<String, CachedMethods> methodsCache = new ConcurrentHashMap<>();
    private final Map<String, CachedUser> usersCache = new ConcurrentHashMap<>();

    public Directory(GraphServiceClient graph, Clock clock,
                     @Value("${graph.directory-cache-ttl:2m}") Duration cacheTtl) {
        this.graph = graph;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    /**
     * By UPN first; many tenants give people a mail address that differs from their UPN, and people write from
     * their aliases ({@code proxyAddresses}), hence the fallbacks. Empty: no user of the directory has the address.
     */
    public Optional<DirectoryUser> findByAddress(String address) {
        String key = address.toLowerCase(java.util.Locale.ROOT);
        CachedUser cached = usersCache.get(key);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return Optional.of(cached.user());
        }
        Optional<DirectoryUser> found;
        try {
            User user = GraphCalls.call("user " + address, () -> graph.users().byUserId(address).get());
            found = Optional.of(toDirectoryUser(user));
        } catch (GraphException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            found = findByMailOrAlias(address);
        }
        // only users found are kept: someone added to the directory a minute ago is found at once
        found.ifPresent(user -> {
            if (usersCache.size() >= MAX_CACHED) {
                usersCache.clear();
            }
            usersCache.put(key, new CachedUser(user, clock.instant().plus(cacheTtl)));
        });
        return found;
    }

    private Optional<DirectoryUser> findByMailOrAlias(String address) {
        String quoted = address.replace("'", "''");
        return findOne("users by mail", "mail eq '" + quoted + "'")
                .or(() -> findOne("users by alias", "proxyAddresses/any(x:x eq 'smtp:" + quoted + "')"));
    }

    private Optional<DirectoryUser> findOne(String what, String filter) {
        var found = GraphCalls.call(what, () -> graph.users().get(rc -> rc.queryParameters.filter = filter));
        if (found == null || found.getValue() == null || found.getValue().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toDirectoryUser(found.getValue().get(0)));
    }

    public List<RegisteredMethod> methodsOf(String userId) {
        CachedMethods cached = methodsCache.get(userId);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return cached.methods();
        }
        List<RegisteredMethod> methods = fetchMethods(userId);
        remember(userId, methods);
        return methods;
    }

    private void remember(String key, List<RegisteredMethod> methods) {
        if (methodsCache.size() >= MAX_CACHED) {
            methodsCache.clear();
        }
        methodsCache.put(key, new CachedMethods(methods, clock.instant().plus(cacheTtl)));
    }

    private List<RegisteredMethod> fetchMethods(String userId) {
        var page = GraphCalls.call("methods of " + userId,
                () -> graph.users().byUserId(userId).authentication().methods().get());
        if (page == null || page.getValue() == null) {
            return List.of();
        }
        return page.getValue().stream().map(Directory::toRegisteredMethod).toList();
    }

    private record CachedMethods(List<RegisteredMethod> methods, Instant until) {
    }

    private record CachedUser(DirectoryUser user, Instant until) {
    }

    private static DirectoryUser toDirectoryUser(User user) {
        return new DirectoryUser(user.getId(), user.getDisplayName(), user.getMail());
    }

    private static RegisteredMethod toRegisteredMethod(AuthenticationMethod method) {
        String type = method.getOdataType() == null ? "" : method.getOdataType().replace(TYPE_PREFIX, "");
        if (method instanceof PhoneAuthenticationMethod phone) {
            String phoneType = phone.getPhoneType() == null ? null : phone.getPhoneType().getValue();
            return new RegisteredMethod(type, phoneType, phone.getPhoneNumber(), null, true);
        }
        if (method instanceof TemporaryAccessPassAuthenticationMethod pass) {
            return new RegisteredMethod(type, null, null, null, !Boolean.FALSE.equals(pass.getIsUsable()));
        }
        Object displayName = method.getAdditionalData().get("displayName");
        String name = displayName instanceof String s ? s : null;
        if (method instanceof com.microsoft.graph.models.MicrosoftAuthenticatorAuthenticationMethod app) {
            name = app.getDisplayName();
        }
        return new RegisteredMethod(type, null, null, name, true);
    }
}
