package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.DayRoute;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.model.VisitWindow;

import java.util.Map;
import java.util.Optional;

/** The day's route: visits ordered to fit their time windows with the travel between them. */
public interface PlanDayRouteUseCase {
    /** The best order for the day's visits (those starting on that date); changes nothing. */
    DayRoute route(PlanRouteCommand command);

    /** Plans the route and moves each routed visit to its planned start, under the same rules as a person's move. */
    DayRoute apply(PlanRouteCommand command);

    Optional<VisitWindow> window(UserId owner, VisitId visit);

    /** Every visit of the trip that has a window. */
    Map<VisitId, VisitWindow> windows(UserId owner, TripId trip);

    Optional<VisitWindow> setWindow(SetVisitWindowCommand command);
}
