package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.StoredFiles;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ActualExpenseId;

import java.util.Objects;

/** A receipt handed in for an expense: its file name and type as sent, and its bytes, streamed to the file store. */
public record AttachReceiptCommand(UserId owner, ActualExpenseId expense, String name, String contentType, StoredFiles.Content content) {
    public AttachReceiptCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expense, "expense");
        Objects.requireNonNull(content, "content");
    }
}
