/**
 * A paged list as an async iterator, for every provider with paging: `for await (const page of
 * pages(first, fetchPage, nextCursor))`. Pages are fetched one at a time as the loop asks, so a
 * `break` fetches no more; a failed page throws where the loop is, after the pages before it.
 */
export interface PagingOptions<Page, Cursor> {
  /** The first page's cursor: a page number, an offset, a token. */
  first: Cursor;
  /** Fetches the page at a cursor; undefined when there is none (e.g. a 204 for an empty list). */
  fetchPage: (cursor: Cursor) => Promise<Page | undefined>;
  /** The cursor of the page after this one; undefined after the last page. */
  nextCursor: (page: Page, cursor: Cursor) => Cursor | undefined;
}

export async function* pages<Page, Cursor>(
  options: PagingOptions<Page, Cursor>,
): AsyncGenerator<Page, void, undefined> {
  const seen = new Set<Cursor>();
  for (let cursor: Cursor | undefined = options.first; cursor !== undefined; ) {
    // An API that hands back a cursor it gave before would page forever.
    if (seen.has(cursor))
      throw new Error(`Paging stopped: the cursor ${JSON.stringify(cursor)} came back a second time.`);
    seen.add(cursor);
    const page = await options.fetchPage(cursor);
    if (page === undefined) return;
    yield page;
    cursor = options.nextCursor(page, cursor);
  }
}

/** Every item of every page: `for await (const customer of items(pages(…), (page) => page.results))`. */
export async function* items<Page, Item>(
  source: AsyncIterable<Page>,
  itemsOf: (page: Page) => Iterable<Item>,
): AsyncGenerator<Item, void, undefined> {
  for await (const page of source) yield* itemsOf(page);
}
