package dev.ufp.ingestion.conversation;

/**
 * Aggregate identifier of a conversation: the same client conversation id in two tenants names two
 * conversations. Tenant ids never contain {@code ':'}, so the encoding is unambiguous.
 */
public record ConversationKey(String tenant, String conversationId) {

    public String asString() {
        return tenant + ":" + conversationId;
    }

    @Override
    public String toString() {
        return asString();
    }
}
