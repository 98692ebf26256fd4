import { items, pages, unwrap } from "@org/client-runtime";
import type { Customer, KoronaCloudClient, ResultListCustomer } from "./index.js";

export interface ListCustomersOptions {
  /** Customers per page (KORONA's `size`). */
  size?: number | undefined;
  /** Attributes to sort by, comma separated, at most 5 (KORONA's `sort`). */
  sort?: string | undefined;
  /** Only customers changed after this revision. */
  revision?: number | undefined;
  /** Also list deleted customers. */
  includeDeleted?: boolean | undefined;
  /** Only the customer with this number. */
  number?: string | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Every page of an account's customers, from page 1 until the last (`currentPage` reaches
 * `pagesTotal`), on the runtime's `pages()`. A 204 means an empty list: no page. A failed page
 * throws its ApiError (with KORONA's `code`) after the pages before it were yielded.
 */
export function listCustomerPages(
  client: KoronaCloudClient,
  accountId: string,
  options: ListCustomersOptions = {},
): AsyncGenerator<ResultListCustomer> {
  const { signal, ...query } = options;
  return pages({
    first: 1,
    // A 204 (the list is empty) has no data: no page.
    fetchPage: async (page: number) => unwrap(await client.getCustomers({ accountId, ...query, page }, { signal })),
    nextCursor: (list, page) =>
      list.results.length === 0 || list.currentPage >= list.pagesTotal ? undefined : page + 1,
  });
}

/** Every customer of an account, across pages: `for await (const customer of listCustomers(client, id))`. */
export function listCustomers(
  client: KoronaCloudClient,
  accountId: string,
  options: ListCustomersOptions = {},
): AsyncGenerator<Customer> {
  return items(listCustomerPages(client, accountId, options), (page) => page.results);
}

export interface SyncOptions {
  /** The revision stored after the last sync; leave out for a first, full sync. */
  since?: number | undefined;
  /** Also fetch customers deleted since then (default true: a sync must see deletions). */
  includeDeleted?: boolean | undefined;
  size?: number | undefined;
  signal?: AbortSignal | undefined;
}

export interface SyncResult {
  /** Every customer changed (added, updated or, with includeDeleted, deleted) since `since`. */
  customers: Customer[];
  /** The highest revision seen: store it and pass it as `since` next time. */
  revision: number;
}

/**
 * Incremental sync: everything changed since a revision, and the new revision to store.
 * With nothing changed it returns no customers and `since` itself.
 */
export async function syncCustomers(
  client: KoronaCloudClient,
  accountId: string,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const { since, includeDeleted = true, size, signal } = options;
  const customers: Customer[] = [];
  let revision = since ?? 0;
  for await (const page of listCustomerPages(client, accountId, { revision: since, includeDeleted, size, signal })) {
    customers.push(...page.results);
    revision = Math.max(revision, page.maxRevision ?? 0, ...page.results.map((customer) => customer.revision ?? 0));
  }
  return { customers, revision };
}
