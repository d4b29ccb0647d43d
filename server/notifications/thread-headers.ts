// Headers that let a ticket's emails thread in any mail client and let replies find their ticket:
// every mail points at the ticket's own root Message-ID, has a Message-ID of its own (event and
// recipient), and a Reply-To carrying the ticket's secret reply token.
export interface ThreadHeaders {
  messageId: string;
  inReplyTo: string;
  references: string;
  replyTo: string;
}

export const ticketRootId = (ticketId: string, domain: string) => `<ticket-${ticketId}@${domain}>`;

export function threadHeaders(m: {
  ticketId: string;
  replyToken: string;
  eventId: bigint;
  recipientId: string;
  domain: string;
}): ThreadHeaders {
  const root = ticketRootId(m.ticketId, m.domain);
  return {
    messageId: `<event-${m.eventId}.${m.recipientId}@${m.domain}>`,
    inReplyTo: root,
    references: root,
    replyTo: `reply+${m.replyToken}@${m.domain}`,
  };
}
