package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.concierge.adapter.http.web.DateWording;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.tripsupport.model.Conversation;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate;
import dev.concierge.domain.tripsupport.model.ExpensePlan;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.Proposal;
import dev.concierge.domain.tripsupport.model.ProposedChange;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.TransportClass;
import dev.concierge.domain.tripsupport.model.TravelPolicy;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.VisitRules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the trip-support API answers: camelCase records, timestamps ISO-8601 with offset. Visit and itinerary times
 * are local times at the place (no offset): a 10:00 meeting in Osaka is at 10:00 wherever the reader is.
 */
public final class TripViews {
    private TripViews() {}

    public record TripView(long id, String title, String purpose, String origin, List<String> destinations, LocalDate startDate,
                    LocalDate endDate, long days, long nights, String status, boolean editable, long version,
                    OffsetDateTime updatedAt) {
        static TripView of(Trip trip, ZoneId zone) {
            var d = trip.details();
            return new TripView(trip.id().value(), d.title(), d.purpose(), d.origin(), d.destinations(), d.startDate(),
                    d.endDate(), d.days(), d.nights(), trip.status().wireName(), trip.editable(), trip.version(),
                    trip.updatedAt() == null ? null : trip.updatedAt().atZone(zone).toOffsetDateTime());
        }
    }

    public record VisitView(long id, long tripId, String company, List<String> contacts, String location, LocalDateTime startsAt,
                     LocalDateTime endsAt, long durationMinutes, String agenda, String notes, String preparationNotes,
                     List<Long> overlapsWith, long version) {
        static VisitView of(CustomerVisit visit, List<VisitRules.Overlap> overlaps) {
            var d = visit.details();
            List<Long> clashes = overlaps.stream()
                    .filter(o -> o.first().equals(visit.id()) || o.second().equals(visit.id()))
                    .map(o -> (o.first().equals(visit.id()) ? o.second() : o.first()).value())
                    .distinct().toList();
            return new VisitView(visit.id().value(), visit.trip().value(), d.company(), d.contacts(), d.location(),
                    d.startsAt(), d.endsAt(), d.duration().toMinutes(), d.agenda(), d.notes(),
                    visit.preparationNotes().orElse(""), clashes, visit.version());
        }
    }

    public record OverlapView(long first, long second) {
        static OverlapView of(VisitRules.Overlap overlap) { return new OverlapView(overlap.first().value(), overlap.second().value()); }
    }

    /** The trip's visits (one page of them) and every overlap among all of them. */
    public record ScheduleView(List<VisitView> items, long total, List<OverlapView> overlaps) {}

    public record ItineraryItemView(LocalDate date, @JsonFormat(pattern = "HH:mm") LocalTime start,
                                    @JsonFormat(pattern = "HH:mm") LocalTime end, String kind, String title, String place, String notes) {
        static ItineraryItemView of(ItineraryItem item) {
            return new ItineraryItemView(item.date(), item.start(), item.end().orElse(null), item.kind().wireName(),
                    item.title(), item.place(), item.notes());
        }
    }

    public record ItineraryDayView(LocalDate date, List<ItineraryItemView> items) {}

    public record ItineraryView(String source, List<ItineraryItemView> items, List<ItineraryDayView> days) {
        static ItineraryView of(Itinerary itinerary) {
            List<ItineraryItemView> items = itinerary.items().stream().map(ItineraryItemView::of).toList();
            Map<LocalDate, List<ItineraryItemView>> byDay = items.stream()
                    .collect(Collectors.groupingBy(ItineraryItemView::date, TreeMap::new, Collectors.toList()));
            return new ItineraryView(itinerary.source().wireName(), items,
                    byDay.entrySet().stream().map(e -> new ItineraryDayView(e.getKey(), e.getValue())).toList());
        }
    }

    public record TransportLegView(String from, String to, LocalDate date, String travelClass, long fare) {}

    public record LodgingView(String city, int nights, long ratePerNight) {}

    public record OtherCostView(String description, long amount) {}

    public record ExpensePlanView(List<TransportLegView> transport, List<LodgingView> lodging, List<OtherCostView> other) {
        static ExpensePlanView of(ExpensePlan plan) {
            return new ExpensePlanView(
                    plan.transport().stream().map(t -> new TransportLegView(t.from(), t.to(), t.date(), t.travelClass().wireName(), t.fare())).toList(),
                    plan.lodging().stream().map(l -> new LodgingView(l.city(), l.nights(), l.ratePerNight())).toList(),
                    plan.other().stream().map(o -> new OtherCostView(o.description(), o.amount())).toList());
        }
    }

    public record EstimateLineView(String category, String description, long amount, String rule, boolean violating) {}

    public record ViolationView(String code, String rule, String message, Integer line) {}

    /** The estimate with its lines, rules and violations worded in the reader's language; codes stay as they are. */
    public record ExpenseEstimateView(String currency, List<EstimateLineView> lines, long total, List<ViolationView> violations,
                               boolean approvalRequired, long approvalThreshold) {
        static ExpenseEstimateView of(ExpenseEstimate e, TripTexts texts) {
            List<EstimateLineView> lines = new java.util.ArrayList<>();
            for (int i = 0; i < e.lines().size(); i++) {
                int index = i;
                var line = e.lines().get(i);
                lines.add(new EstimateLineView(line.category().wireName(), texts.line(line.description()), line.amount(),
                        texts.rule(line.rule()), e.violations().stream().anyMatch(v -> v.line() == index)));
            }
            return new ExpenseEstimateView(e.currency(), lines, e.total(),
                    e.violations().stream().map(v -> new ViolationView(v.code(), texts.rule(v.rule()), texts.violation(v),
                            v.line() < 0 ? null : v.line())).toList(),
                    e.approvalRequired(), e.approvalThreshold());
        }

        public String money(long amount) { return TripTexts.money(amount, currency); }
    }

    public record TravelPolicyView(String currency, String defaultCityClass, Map<String, List<String>> citiesByClass,
                            Map<String, Long> perDiemByClass, Map<String, Long> lodgingCapByClass,
                            List<String> allowedTransport, long approvalThreshold) {
        static TravelPolicyView of(TravelPolicy p) {
            Map<String, List<String>> cities = p.cityClasses().entrySet().stream().collect(Collectors.groupingBy(
                    Map.Entry::getValue, TreeMap::new, Collectors.mapping(Map.Entry::getKey, Collectors.collectingAndThen(Collectors.toList(),
                            list -> list.stream().sorted().toList()))));
            return new TravelPolicyView(p.currency(), p.defaultCityClass(), cities, new TreeMap<>(p.perDiemByClass()),
                    new TreeMap<>(p.lodgingCapByClass()),
                    p.allowedTransport().stream().map(TransportClass::wireName).sorted().toList(), p.approvalThreshold());
        }
    }

    public record ConversationView(long id, long tripId, String title, OffsetDateTime createdAt) {
        static ConversationView of(Conversation c, ZoneId zone) {
            return new ConversationView(c.id().value(), c.trip().value(), c.title(), c.createdAt().atZone(zone).toOffsetDateTime());
        }
    }

    public record ToolCallView(String id, String name, String arguments) {}

    public record MessageView(long sequence, String kind, String text, List<ToolCallView> toolCalls, String toolCallId,
                       String toolName, OffsetDateTime at) {
        static MessageView of(StoredMessage m, ZoneId zone) {
            return new MessageView(m.sequence(), m.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), m.text(),
                    m.toolCalls().stream().map(c -> new ToolCallView(c.id(), c.name(), c.argumentsJson())).toList(),
                    m.toolCallId().orElse(null), m.toolName().orElse(null), m.at().atZone(zone).toOffsetDateTime());
        }
    }

    /** {@code summary}: the change in a line, worded from its kind and fields in the reader's language. */
    public record ProposalView(long id, long conversationId, long tripId, String kind, String summary, String status,
                        Map<String, Object> change, OffsetDateTime createdAt) {
        static ProposalView of(Proposal p, ZoneId zone, Messages messages) {
            return new ProposalView(p.id(), p.conversation().value(), p.trip().value(), kind(p.change()),
                    summary(p.change(), messages), p.status().wireName(), change(p.change()), p.createdAt().atZone(zone).toOffsetDateTime());
        }

        /** "訪問を追加: Acme（梅田、2026年12月2日(水) 10:00、60 分）", from the bundle; never the model-facing line the domain stores. */
        static String summary(ProposedChange change, Messages messages) {
            DateWording dates = DateWording.of(messages.language());
            String key = "trips.proposal.summary." + kind(change);
            return switch (change) {
                case ProposedChange.AddVisit add -> messages.t(key, add.visit().company(), add.visit().location(),
                        dates.dateTime(add.visit().startsAt()), String.valueOf(add.visit().duration().toMinutes()));
                case ProposedChange.MoveVisit move -> messages.t(key, String.valueOf(move.visit().value()), dates.dateTime(move.newStart()));
                case ProposedChange.ReplaceItinerary replace -> messages.t(key, String.valueOf(replace.itinerary().items().size()));
                case ProposedChange.SetPreparationNotes notes -> messages.t(key, String.valueOf(notes.visit().value()));
            };
        }

        static String kind(ProposedChange change) {
            return switch (change) {
                case ProposedChange.AddVisit ignored -> "add-visit";
                case ProposedChange.MoveVisit ignored -> "move-visit";
                case ProposedChange.ReplaceItinerary ignored -> "replace-itinerary";
                case ProposedChange.SetPreparationNotes ignored -> "set-preparation-notes";
            };
        }

        private static Map<String, Object> change(ProposedChange change) {
            return switch (change) {
                case ProposedChange.AddVisit add -> Map.of("visit", VisitRequest.from(add.visit()));
                case ProposedChange.MoveVisit move -> Map.of("visitId", move.visit().value(), "newStart", move.newStart());
                case ProposedChange.ReplaceItinerary replace -> Map.of("itinerary", ItineraryView.of(replace.itinerary()));
                case ProposedChange.SetPreparationNotes notes -> Map.of("visitId", notes.visit().value(), "notes", notes.notes());
            };
        }
    }

    // Request bodies --------------------------------------------------------------------------------------------

    /** Body of {@code POST /api/trips}, and of {@code PUT /api/trips/{id}} with {@code version}. */
    public record TripRequest(String title, String purpose, String origin, List<String> destinations, LocalDate startDate,
                       LocalDate endDate, Long version) {}

    /** Body of status actions: the version the caller saw. */
    public record VersionRequest(Long version) {}

    /** Body of {@code POST /api/trips/{id}/visits}, and of {@code PUT /api/visits/{id}} with {@code version}. */
    public record VisitRequest(String company, List<String> contacts, String location, LocalDateTime startsAt,
                        Integer durationMinutes, String agenda, String notes, Long version) {
        static VisitRequest from(dev.concierge.domain.tripsupport.model.VisitDetails d) {
            return new VisitRequest(d.company(), d.contacts(), d.location(), d.startsAt(), (int) d.duration().toMinutes(),
                    d.agenda(), d.notes(), null);
        }
    }

    public record MoveVisitRequest(LocalDateTime startsAt) {}

    public record NotesRequest(String notes) {}

    /** Preparation notes the assistant drafted; not stored until the user saves them. */
    public record NotesDraftView(String notes) {}

    public record ItineraryRequest(List<ItineraryItemRequest> items) {}

    public record ItineraryItemRequest(LocalDate date, LocalTime start, LocalTime end, String kind, String title, String place, String notes) {}

    public record ExpensePlanRequest(List<TransportLegRequest> transport, List<LodgingRequest> lodging, List<OtherCostRequest> other) {}

    public record TransportLegRequest(String from, String to, LocalDate date, String travelClass, Long fare) {}

    public record LodgingRequest(String city, Integer nights, Long ratePerNight) {}

    public record OtherCostRequest(String description, Long amount) {}

    public record ConversationRequest(String title) {}

    public record MessageRequest(String text) {}
}
