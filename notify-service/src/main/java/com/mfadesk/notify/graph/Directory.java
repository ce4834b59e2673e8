package com.mfadesk.notify.graph;

import com.mfadesk.common.graph.GraphException;
import com.mfadesk.common.graph.GraphCalls;
import com.microsoft.graph.models.AuthenticationMethod;
import com.microsoft.graph.models.PhoneAuthenticationMethod;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** Users and their registered sign-in methods. */
@Singleton
public class Directory {

    private static final String TYPE_PREFIX = "#microsoft.graph.";

    private final GraphServiceClient graph;

    public Directory(GraphServiceClient graph) {
        this.graph = graph;
    }

    /** By UPN first; many tenants give people a mail address that differs from their UPN, hence the fallback. */
    public Optional<DirectoryUser> findByAddress(String address) {
        try {
            User user = GraphCalls.call("user " + address, () -> graph.users().byUserId(address).get());
            return Optional.of(toDirectoryUser(user));
        } catch (GraphException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
        String filter = "mail eq '" + address.replace("'", "''") + "'";
        var found = GraphCalls.call("users by mail", () -> graph.users().get(rc -> rc.queryParameters.filter = filter));
        if (found == null || found.getValue() == null || found.getValue().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toDirectoryUser(found.getValue().get(0)));
    }

    public List<RegisteredMethod> methodsOf(String userId) {
        var page = GraphCalls.call("methods of " + userId,
                () -> graph.users().byUserId(userId).authentication().methods().get());
        if (page == null || page.getValue() == null) {
            return List.of();
        }
        return page.getValue().stream().map(Directory::toRegisteredMethod).toList();
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
