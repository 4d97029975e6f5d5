package dev.concierge.adapter.http.web;

/** An application in the top navigation and on the home page; each context contributes its own. */
public record NavigationEntry(String section, String href, String titleKey, String descriptionKey, int order) {
}
