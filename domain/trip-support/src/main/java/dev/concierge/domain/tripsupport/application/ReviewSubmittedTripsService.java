package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.tripsupport.model.ApprovalId;
import dev.concierge.domain.tripsupport.model.ApprovalNotFound;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.DayRoute;
import dev.concierge.domain.tripsupport.model.ExpenseReport;
import dev.concierge.domain.tripsupport.model.RoutePlanner;
import dev.concierge.domain.tripsupport.model.Submission;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanDayRouteUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanRouteCommand;
import dev.concierge.domain.tripsupport.port.in.RecordActualExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ReviewSubmittedTripsUseCase;
import dev.concierge.domain.tripsupport.port.out.ApprovalRepository;

import java.util.List;

/**
 * The approval request is the approver's key to the trip: once the request is visible to the reader, the owner-scoped
 * reads run as the submitter, the trip's owner. Only reads are offered, so an approver can never change the trip.
 */
public final class ReviewSubmittedTripsService implements ReviewSubmittedTripsUseCase {
    private final ApprovalRepository approvals;
    private final ManageTripsUseCase trips;
    private final ManageVisitsUseCase visits;
    private final PlanDayRouteUseCase routes;
    private final RecordActualExpensesUseCase expenses;

    public ReviewSubmittedTripsService(ApprovalRepository approvals, ManageTripsUseCase trips, ManageVisitsUseCase visits,
                                       PlanDayRouteUseCase routes, RecordActualExpensesUseCase expenses) {
        this.approvals = approvals;
        this.trips = trips;
        this.visits = visits;
        this.routes = routes;
        this.expenses = expenses;
    }

    @Override public Trip trip(Actor reader, ApprovalId approval) {
        Submission s = submission(reader, approval);
        return trips.get(s.submitter(), s.trip());
    }

    @Override public List<CustomerVisit> visits(Actor reader, ApprovalId approval) {
        Submission s = submission(reader, approval);
        return visits.schedule(s.submitter(), s.trip()).visits();
    }

    @Override public DayRoute route(Actor reader, ApprovalId approval, RoutePlanner.Day day) {
        Submission s = submission(reader, approval);
        return routes.route(new PlanRouteCommand(s.submitter(), s.trip(), day));
    }

    @Override public ExpenseReport report(Actor reader, ApprovalId approval) {
        Submission s = submission(reader, approval);
        return expenses.report(s.submitter(), s.trip());
    }

    private Submission submission(Actor reader, ApprovalId approval) {
        return approvals.find(approval).filter(r -> r.visibleTo(reader)).orElseThrow(() -> new ApprovalNotFound(approval)).submission();
    }
}
