const responses = new WeakMap<object, Response>();

/**
 * Keeps a Response alive for as long as the body stream handed out for it (`parseAs: "stream"`).
 * fetch cancels the body of a Response that is collected unread, to free its connection, so a
 * caller who keeps only the stream (`const { data } = …`) would find it cancelled after any
 * garbage collection. Held in a WeakMap keyed by the stream, the Response goes when the stream does.
 */
export function keepResponseWithStream(stream: unknown, response: Response): void {
  if (typeof stream === "object" && stream !== null) responses.set(stream, response);
}
