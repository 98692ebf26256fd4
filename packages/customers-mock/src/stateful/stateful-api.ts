import type { IncomingHttpHeaders } from "node:http";
import { exampleOf, type MatchedOperation, type Node, type SpecDocument, successStatus } from "../spec-document.js";
import { answerValidator, type AnswerValidator } from "./answer-validator.js";
import { listPage } from "./list-page.js";
import { etagOf, newId, pick, result, sameShape, type Data, type Kind } from "./records.js";
import { jsonSchemaOf, objectSchema, resourcesOf, type Resource } from "./resources.js";

export interface StatefulRequest {
  /** The request's path, e.g. `/tms/v2/customers`. */
  pathname: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface StatefulAnswer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * The mock's memory: records created, read, updated, listed and deleted through each resource's
 * operations (see resources.ts), per scope (the path's other parameters, e.g. each account), seeded
 * from the spec's examples. A create fills the server's read-only fields (ids, timestamps,
 * revisions) and an ETag when the answer documents one; an `If-Match` that is not the record's ETag
 * gets the documented 412; lists page with the operation's own paging parameters. Every answer is
 * checked against the spec before it is sent (a 500 names what does not fit).
 */
export class StatefulApi {
  readonly #spec: SpecDocument;
  readonly #resources: Resource[];
  readonly #validate: AnswerValidator;
  #scopes = new Map<string, Data[]>();
  #revision = 0;

  constructor(spec: SpecDocument) {
    this.#spec = spec;
    this.#resources = resourcesOf(spec);
    this.#validate = answerValidator(spec);
  }

  /** Back to the spec's examples. */
  reset(): void {
    this.#scopes.clear();
    this.#revision = 0;
  }

  /** The answer to a request the spec has already accepted, or undefined when no resource covers it. */
  answer(matched: MatchedOperation, request: StatefulRequest): StatefulAnswer | undefined {
    const resource = this.#resources.find((candidate) =>
      [candidate.item, candidate.collection].includes(matched.template),
    );
    if (!resource) return undefined;
    const records = this.#scope(resource, matched.params);
    if (matched.template === resource.item) {
      const id = matched.params[resource.idParameter]!;
      const index = records.findIndex((record) => matches(resource, record, id));
      if (index === -1) return this.#error(matched, "404", `No record ${id} (stateful mock).`);
      const record = records[index]!;
      if (matched.method === "get") return this.#success(matched, resource, record, "none");
      if (matched.method === "delete") {
        records.splice(index, 1);
        return this.#success(matched, resource, record, "delete");
      }
      if (matched.method === "put" || matched.method === "patch") {
        const ifMatch = request.headers["if-match"];
        if (ifMatch !== undefined && matched.operation.responses?.["412"] && ifMatch !== etagOf(record))
          return this.#error(matched, "412", "The ETag does not match (stateful mock).");
        records[index] = this.#update(resource, record, this.#body(resource, request));
        return this.#success(matched, resource, records[index]!, "update");
      }
      return undefined;
    }
    const body = this.#body(resource, request);
    if (matched.method === "get") return this.#list(matched, records, request.query);
    if (matched.method === "post") {
      const created = (Array.isArray(body) ? body : [body]).map((item) => this.#create(resource, item, records));
      records.push(...created);
      const answer = this.#success(matched, resource, Array.isArray(body) ? created : created[0]!, "create");
      if (!Array.isArray(body) && documentsHeader(this.#spec, matched, "location"))
        answer.headers.location = `${request.pathname.replace(/\/$/, "")}/${encodeURIComponent(String(created[0]![resource.keys[0]!]))}`;
      return answer;
    }
    if ((matched.method === "patch" || matched.method === "delete") && Array.isArray(body)) {
      const results = body.map((item: Data) => {
        const index = records.findIndex((record) =>
          resource.keys.some((key) => item[key] !== undefined && record[key] === item[key]),
        );
        if (index === -1) return { kind: "none" as Kind, record: item };
        if (matched.method === "delete") return { kind: "delete" as Kind, record: records.splice(index, 1)[0]! };
        records[index] = this.#update(resource, records[index]!, item);
        return { kind: "update" as Kind, record: records[index]! };
      });
      return this.#send(matched, resource, results);
    }
    return undefined;
  }

  #scope(resource: Resource, params: Record<string, string>): Data[] {
    const { [resource.idParameter]: _id, ...parents } = params;
    const key = `${resource.item} ${JSON.stringify(parents)}`;
    const known = this.#scopes.get(key);
    if (known) return known;
    const records = structuredClone(resource.seeds) as Data[];
    this.#scopes.set(key, records);
    return records;
  }

  #body(resource: Resource, request: StatefulRequest): Data | Data[] {
    const text = request.body.toString("utf8");
    if (text === "") return {};
    if (!String(request.headers["content-type"] ?? "").includes("form-urlencoded")) return JSON.parse(text);
    const data: Data = {};
    for (const [name, value] of new URLSearchParams(text)) {
      const types = [this.#spec.resolve(resource.schema.properties[name])?.type ?? "string"].flat();
      if (value === "" && types.includes("null")) data[name] = null;
      else if (types.includes("boolean")) data[name] = value === "true";
      else if (types.includes("integer") || types.includes("number")) data[name] = Number(value);
      else data[name] = value;
    }
    return data;
  }

  #create(resource: Resource, body: Data, records: Data[]): Data {
    const seed = resource.seeds[0] ?? {};
    // A field the create body shapes otherwise than the record (CloudLX's realm ids) is not stored as is.
    const record = Object.fromEntries(Object.entries(body).filter(([name, value]) => sameShape(value, seed[name])));
    for (const [name, given] of Object.entries(resource.schema.properties)) {
      const property = this.#spec.resolve(given) ?? {};
      if (record[name] !== undefined || (!property.readOnly && !resource.schema.required.includes(name))) continue;
      if (name === resource.keys[0] || name === "id") record[name] = newId(property, seed[name], records, name);
      else if (property.format === "date-time") record[name] = new Date().toISOString();
      else if (name === "revision") record[name] = ++this.#revision;
      else if (seed[name] !== undefined) record[name] = structuredClone(seed[name]);
    }
    return record;
  }

  #update(resource: Resource, record: Data, body: Data | Data[]): Data {
    const changes = Object.fromEntries(
      Object.entries(Array.isArray(body) ? {} : body).filter(
        ([name, value]) =>
          !this.#spec.resolve(resource.schema.properties[name])?.readOnly &&
          !resource.keys.includes(name) &&
          sameShape(value, record[name]),
      ),
    );
    const updated: Data = { ...record, ...changes };
    for (const [name, given] of Object.entries(resource.schema.properties)) {
      const property = this.#spec.resolve(given) ?? {};
      if (name === "revision" && typeof updated[name] === "number") updated[name] = ++this.#revision;
      if (property.format === "date-time" && /^(updated|modified|last_?modified)/i.test(name))
        updated[name] = new Date().toISOString();
    }
    return updated;
  }

  #list(matched: MatchedOperation, records: Data[], query: URLSearchParams): StatefulAnswer {
    const status = successStatus(matched.operation);
    return this.#checked(matched, status, listPage(this.#spec, matched.operation, status, records, query));
  }

  #success(matched: MatchedOperation, resource: Resource, value: Data | Data[], kind: Kind): StatefulAnswer {
    const records = Array.isArray(value) ? value : [value];
    const answer = this.#send(
      matched,
      resource,
      records.map((record) => ({ kind, record })),
      !Array.isArray(value),
    );
    if (documentsHeader(this.#spec, matched, "etag") && !Array.isArray(value) && kind !== "delete")
      answer.headers.etag = etagOf(value);
    return answer;
  }

  /** Shapes records into the operation's documented success answer: the record itself, or a result per record. */
  #send(
    matched: MatchedOperation,
    resource: Resource,
    results: { kind: Kind; record: Data }[],
    single = false,
  ): StatefulAnswer {
    const status = successStatus(matched.operation);
    const response = matched.operation.responses[status];
    const schema = jsonSchemaOf(this.#spec, response);
    if (!schema) return { status: Number(status), headers: {} };
    const example = exampleOf(this.#spec, response);
    const itemSchema = schema.type === "array" ? schema.items : schema;
    const itemExample = (Array.isArray(example) ? example[0] : example) as Data | undefined;
    const { properties } = objectSchema(this.#spec, itemSchema);
    const isRecord = Object.keys(properties).every((name) => name in resource.schema.properties);
    const shaped = results.map(({ kind, record }) =>
      isRecord ? pick(record, properties) : result(this.#spec, properties, record, kind, itemExample),
    );
    const body = schema.type === "array" ? shaped : single || shaped.length === 1 ? shaped[0] : shaped;
    return this.#checked(matched, status, body);
  }

  #error(matched: MatchedOperation, status: string, message: string): StatefulAnswer {
    const documented = matched.operation.responses?.[status];
    if (!documented)
      return { status: Number(status), headers: { "content-type": "application/json" }, body: { message } };
    return {
      status: Number(status),
      headers: mediaHeaders(this.#spec, documented),
      body: exampleOf(this.#spec, documented),
    };
  }

  #checked(matched: MatchedOperation, status: string, body: unknown): StatefulAnswer {
    const problems = this.#validate(matched, status, body);
    if (problems.length > 0)
      return {
        status: 500,
        headers: { "content-type": "application/json" },
        body: { message: `The stateful mock built a ${status} answer the spec does not allow: ${problems.join("; ")}` },
      };
    return {
      status: Number(status),
      headers: mediaHeaders(this.#spec, matched.operation.responses[status]),
      body,
    };
  }
}

function matches(resource: Resource, record: Data, id: string): boolean {
  return resource.keys.some((key) => record[key] !== undefined && String(record[key]) === id);
}

function documentsHeader(spec: SpecDocument, matched: MatchedOperation, header: string): boolean {
  const response = spec.resolve(matched.operation.responses[successStatus(matched.operation)]);
  return Object.keys(response?.headers ?? {}).some((name) => name.toLowerCase() === header);
}

function mediaHeaders(spec: SpecDocument, response: Node): Record<string, string> {
  const media = Object.keys(spec.resolve(response)?.content ?? {})[0];
  return media ? { "content-type": media } : {};
}
