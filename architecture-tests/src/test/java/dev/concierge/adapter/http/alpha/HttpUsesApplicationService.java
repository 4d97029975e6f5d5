package dev.concierge.adapter.http.alpha;

import dev.concierge.domain.alpha.application.AlphaService;

/** Fixture, violates rule 5 on purpose: an adapter calling an application service instead of its use case. */
public final class HttpUsesApplicationService {
    AlphaService service;
}
