package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.tripsupport.model.ApprovalId;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.DayRoute;
import dev.concierge.domain.tripsupport.model.ExpenseReport;
import dev.concierge.domain.tripsupport.model.RoutePlanner;
import dev.concierge.domain.tripsupport.model.Trip;

import java.util.List;

/**
 * What an approver reads of a trip submitted to them, through the approval request: the trip as it stands, its visits,
 * a day's route and, after the trip, the actual-against-estimate report. Whoever may see the request (its submitter
 * and its approvers) may read these; for anyone else the request does not exist. Nothing here changes the trip.
 */
public interface ReviewSubmittedTripsUseCase {
    Trip trip(Actor reader, ApprovalId approval);

    List<CustomerVisit> visits(Actor reader, ApprovalId approval);

    DayRoute route(Actor reader, ApprovalId approval, RoutePlanner.Day day);

    ExpenseReport report(Actor reader, ApprovalId approval);
}
