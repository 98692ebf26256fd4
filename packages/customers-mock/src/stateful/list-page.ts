import { exampleOf, type Node, type SpecDocument } from "../spec-document.js";
import { type Data, pick } from "./records.js";
import { jsonSchemaOf, objectSchema } from "./resources.js";

const PAGE_PARAMETERS = ["page", "pageNumber", "page_number"];
const SIZE_PARAMETERS = ["size", "pageSize", "page_size", "per_page", "perPage", "limit"];

/**
 * One page of `records` as a list operation documents it, with the operation's own page and size
 * query parameters (the first page is the page parameter's `minimum`, else 1): the bare array, or
 * an object whose array field holds the page and whose number fields named like `currentPage`,
 * `pagesTotal`, `resultsTotal`, `resultsOfPage` or `maxRevision` say where it is; its other
 * fields come from the spec's example.
 */
export function listPage(
  spec: SpecDocument,
  operation: Node,
  status: string,
  records: Data[],
  query: URLSearchParams,
): unknown {
  const parameters: Node[] = (operation.parameters ?? []).map((parameter: Node) => spec.resolve(parameter));
  const named = (names: string[]) =>
    parameters.find((parameter) => parameter.in === "query" && names.includes(parameter.name));
  const pageParameter = named(PAGE_PARAMETERS);
  const sizeParameter = named(SIZE_PARAMETERS);
  const first = pageParameter?.schema?.minimum ?? 1;
  const size = Number(query.get(sizeParameter?.name) ?? sizeParameter?.schema?.default ?? Math.max(records.length, 1));
  const page = Number(query.get(pageParameter?.name) ?? first);
  const shown = sizeParameter ? records.slice((page - first) * size, (page - first + 1) * size) : records;
  const pagesTotal = Math.max(1, Math.ceil(records.length / size));
  const paging: Record<string, number> = {
    currentpage: page,
    page,
    pagestotal: pagesTotal,
    totalpages: pagesTotal,
    resultstotal: records.length,
    total: records.length,
    totalcount: records.length,
    resultsofpage: shown.length,
    maxrevision: Math.max(0, ...records.map((record) => Number(record.revision ?? 0))),
  };
  const schema = jsonSchemaOf(spec, operation.responses[status]);
  const itemsOf = (arraySchema: Node) =>
    shown.map((record) => pick(record, objectSchema(spec, arraySchema?.items ?? {}).properties));
  if (schema?.type === "array") return itemsOf(schema);
  const example = exampleOf(spec, operation.responses[status]) as Data | undefined;
  const list: Data = {};
  for (const [name, given] of Object.entries(objectSchema(spec, schema).properties)) {
    const property = spec.resolve(given);
    const number = paging[name.toLowerCase().replace(/_/g, "")];
    if (property?.type === "array") list[name] = itemsOf(property);
    else if (number !== undefined && ["integer", "number"].includes(property?.type)) list[name] = number;
    else if (example?.[name] !== undefined) list[name] = example[name];
  }
  return list;
}
