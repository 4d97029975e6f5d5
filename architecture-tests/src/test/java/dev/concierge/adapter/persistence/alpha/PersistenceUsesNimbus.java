package dev.concierge.adapter.persistence.alpha;

import com.nimbusds.jwt.SignedJWT;

/** Fixture, violates rule 4 on purpose: the identity token library outside the http adapter. */
public final class PersistenceUsesNimbus {
    SignedJWT token;
}
