package com.mfadesk.notify.graph;

import com.mfadesk.common.graph.GraphCalls;
import com.mfadesk.common.graph.GraphException;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import jakarta.inject.Singleton;

import java.time.OffsetDateTime;

/** The help desk's ways to get a locked-out user back in. */
@Singleton
public class AccountRecovery {

    private final GraphServiceClient graph;

    public AccountRecovery(GraphServiceClient graph) {
        this.graph = graph;
    }

    public IssuedPass issueTemporaryAccessPass(String userId, int lifetimeMinutes) {
        TemporaryAccessPassAuthenticationMethod request = new TemporaryAccessPassAuthenticationMethod();
        request.setLifetimeInMinutes(lifetimeMinutes);
        request.setIsUsableOnce(false);
        TemporaryAccessPassAuthenticationMethod created = GraphCalls.call("temporary access pass",
                () -> graph.users().byUserId(userId).authentication().temporaryAccessPassMethods().post(request));
        OffsetDateTime start = created.getStartDateTime() == null ? OffsetDateTime.now() : created.getStartDateTime();
        int lifetime = created.getLifetimeInMinutes() == null ? lifetimeMinutes : created.getLifetimeInMinutes();
        return new IssuedPass(created.getId(), created.getTemporaryAccessPass(), lifetime, start.plusMinutes(lifetime));
    }

    /** Deletes an earlier pass before another is issued; one Graph no longer has is gone already. */
    public void deleteTemporaryAccessPass(String userId, String methodId) {
        try {
            GraphCalls.run("delete temporary access pass", () -> graph.users().byUserId(userId).authentication()
                    .temporaryAccessPassMethods().byTemporaryAccessPassAuthenticationMethodId(methodId).delete());
        } catch (GraphException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }

    public void revokeSignInSessions(String userId) {
        GraphCalls.run("revoke sessions", () -> graph.users().byUserId(userId).revokeSignInSessions().post());
    }

    /** Shown once to the help desk user; never stored. {@code methodId} is Graph's id of the pass. */
    public record IssuedPass(String methodId, String temporaryAccessPass, int lifetimeMinutes,
                             OffsetDateTime expiresAt) {
    }
}
