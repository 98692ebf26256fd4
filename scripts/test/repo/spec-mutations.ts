import type { Bump } from "@org/customers-codegen";

// biome-ignore lint/suspicious/noExplicitAny: the mutations edit spec documents freely, as YAML gives them.
type Spec = any;

export interface SpecMutation {
  provider: "fastly" | "koronacloud" | "cybersource" | "cloudlx";
  change: string;
  /** The bump a user of the package needs to see, with the reason when it is not obvious. */
  expected: Bump;
  mutate: (spec: Spec) => void;
}

/** Points every `$ref` to one schema at another name (a rename as an editor does it). */
function renameSchema(spec: Spec, from: string, to: string): void {
  spec.components.schemas[to] = spec.components.schemas[from];
  delete spec.components.schemas[from];
  const walk = (node: Spec) => {
    if (!node || typeof node !== "object") return;
    for (const key of Object.keys(node)) {
      if (key === "$ref" && node[key] === `#/components/schemas/${from}`) node[key] = `#/components/schemas/${to}`;
      else walk(node[key]);
    }
  };
  walk(spec);
}

const fastlyCustomerFields = (spec: Spec) => spec.components.schemas.CustomerUpdate.properties;
const koronaList = (spec: Spec) => spec.paths["/accounts/{accountId}/customers"].get;
const koronaParameter = (spec: Spec, name: string) =>
  koronaList(spec).parameters.find((parameter: Spec) => parameter.name === name);
const cyberSourceOne = (spec: Spec) => spec.paths["/tms/v2/customers/{customerId}"];
const cloudLxSchemas = (spec: Spec) => spec.components.schemas;

/**
 * Edits of the four specs with the version each one calls for (the cases that fool a spec diff
 * among them: see docs/releasing.md). Both judges run on each; the higher bump must be `expected`.
 */
export const specMutations: SpecMutation[] = [
  // Fastly
  {
    provider: "fastly",
    change: "an optional field added to a model used in requests and answers",
    expected: "minor",
    mutate: (spec) => (fastlyCustomerFields(spec).account_manager_email = { type: "string" }),
  },
  {
    provider: "fastly",
    change: "a value added to an enum in answers (breaks an exhaustive switch)",
    expected: "major",
    mutate: (spec) => spec.components.schemas.UserRole.enum.push("owner"),
  },
  {
    provider: "fastly",
    change: "a required field of an error body made optional",
    expected: "major",
    mutate: (spec) => (spec.components.schemas.Error.required = []),
  },
  {
    provider: "fastly",
    change: "an optional field of an error body made required (answers promise more)",
    expected: "minor",
    mutate: (spec) => (spec.components.schemas.Error.required = ["msg", "detail"]),
  },
  {
    provider: "fastly",
    change: "a request field made readOnly (callers sending it stop compiling)",
    expected: "major",
    mutate: (spec) => (fastlyCustomerFields(spec).name.readOnly = true),
  },
  {
    provider: "fastly",
    change: "a description reworded",
    expected: "patch",
    mutate: (spec) => (spec.components.schemas.Error.description = "What went wrong, as Fastly says it."),
  },
  {
    provider: "fastly",
    change: "a schema renamed (types' names are public API)",
    expected: "major",
    mutate: (spec) => renameSchema(spec, "Error", "FastlyError"),
  },
  {
    provider: "fastly",
    change: "a path parameter renamed (the path template is what callers write)",
    expected: "major",
    mutate: (spec) => {
      spec.paths["/customer/{id}/users"] = spec.paths["/customer/{customer_id}/users"];
      delete spec.paths["/customer/{customer_id}/users"];
      spec.paths["/customer/{id}/users"].get.parameters = [
        { name: "id", in: "path", required: true, schema: { type: "string" } },
      ];
    },
  },
  {
    provider: "fastly",
    change: "the servers URL changed (every call without a baseUrl goes elsewhere)",
    expected: "major",
    mutate: (spec) => (spec.servers[0].url = "https://api.fastly.example"),
  },
  {
    provider: "fastly",
    change: "an operation removed",
    expected: "major",
    mutate: (spec) => delete spec.paths["/customer/{customer_id}"].delete,
  },
  {
    provider: "fastly",
    change: "an operation added",
    expected: "minor",
    mutate: (spec) =>
      (spec.paths["/customer/{customer_id}"].patch = {
        ...spec.paths["/customer/{customer_id}"].put,
        operationId: "patchCustomer",
      }),
  },
  // KORONA.cloud
  {
    provider: "koronacloud",
    change: "a required query parameter added",
    expected: "major",
    mutate: (spec) =>
      koronaList(spec).parameters.push({ name: "storeId", in: "query", required: true, schema: { type: "string" } }),
  },
  {
    provider: "koronacloud",
    change: "an optional query parameter added",
    expected: "minor",
    mutate: (spec) => koronaList(spec).parameters.push({ name: "storeId", in: "query", schema: { type: "string" } }),
  },
  {
    provider: "koronacloud",
    change: "a parameter's default changed (the server's behaviour, documented; no code changes)",
    expected: "patch",
    mutate: (spec) => (koronaParameter(spec, "size").schema.default = 50),
  },
  {
    provider: "koronacloud",
    change: "a field's format changed (the values change shape though the types do not)",
    expected: "major",
    mutate: (spec) => (spec.components.schemas.Customer.properties.birthday.format = "date"),
  },
  {
    provider: "koronacloud",
    change: "a value added to an enum sent only in requests",
    expected: "minor",
    mutate: (spec) => spec.components.schemas.WriteMode.enum.push("REPLACE_ONLY"),
  },
  {
    provider: "koronacloud",
    change: "a value removed from an enum sent in requests",
    expected: "major",
    mutate: (spec) => (spec.components.schemas.WriteMode.enum = ["DEFAULT", "ADD_OR_UPDATE"]),
  },
  {
    provider: "koronacloud",
    change: "a request media type added",
    expected: "minor",
    mutate: (spec) => {
      const content = spec.paths["/accounts/{accountId}/customers"].post.requestBody.content;
      content["application/vnd.korona+json"] = content["application/json"];
    },
  },
  {
    provider: "koronacloud",
    change: "an optional query parameter removed",
    expected: "major",
    mutate: (spec) =>
      (koronaList(spec).parameters = koronaList(spec).parameters.filter(
        (parameter: Spec) => parameter.name !== "revision",
      )),
  },
  {
    provider: "koronacloud",
    change: "a query parameter's type widened (integer to number)",
    expected: "minor",
    mutate: (spec) => (koronaParameter(spec, "page").schema = { type: "number" }),
  },
  {
    provider: "koronacloud",
    change: "an operation deprecated",
    expected: "minor",
    mutate: (spec) => (spec.paths["/accounts/{accountId}/customers"].delete.deprecated = true),
  },
  // CyberSource
  {
    provider: "cybersource",
    change: "a header parameter made required",
    expected: "major",
    mutate: (spec) => (spec.components.parameters.ifMatch.required = true),
  },
  {
    provider: "cybersource",
    change: "a response media type added (`data` becomes a union)",
    expected: "major",
    mutate: (spec) => {
      const content = cyberSourceOne(spec).get.responses["200"].content;
      content["text/csv"] = { schema: { type: "string" } };
    },
  },
  {
    provider: "cybersource",
    change: "a request media type removed",
    expected: "major",
    mutate: (spec) => {
      const content = cyberSourceOne(spec).patch.requestBody.content;
      content["application/merge-patch+json"] = content["application/json;charset=utf-8"];
      delete content["application/json;charset=utf-8"];
    },
  },
  {
    provider: "cybersource",
    change: "a field removed from a model",
    expected: "major",
    mutate: (spec) => delete spec.components.schemas.Customer.properties.metadata,
  },
  {
    provider: "cybersource",
    change: "a documented error status added with an existing body",
    expected: "minor",
    mutate: (spec) => (cyberSourceOne(spec).delete.responses["412"] = cyberSourceOne(spec).patch.responses["412"]),
  },
  {
    provider: "cybersource",
    change: "a second server appended (the default stays)",
    expected: "minor",
    mutate: (spec) => spec.servers.push({ url: "https://apitest.cybersource.example", description: "Staging" }),
  },
  {
    provider: "cybersource",
    change: "an answer's field made nullable",
    expected: "major",
    mutate: (spec) => (spec.components.schemas.Link.properties.href.type = ["string", "null"]),
  },
  // CloudLX
  {
    provider: "cloudlx",
    change: "a required request field made optional",
    expected: "minor",
    mutate: (spec) => (cloudLxSchemas(spec).AccessTokenRequest.required = ["grant_type", "client_id"]),
  },
  {
    provider: "cloudlx",
    change: "an optional request field made required",
    expected: "major",
    mutate: (spec) => (cloudLxSchemas(spec).CustomerUpdate.required = ["name"]),
  },
  {
    provider: "cloudlx",
    change: "a field's type changed (integer to string)",
    expected: "major",
    mutate: (spec) => (cloudLxSchemas(spec).Customer.properties.id = { type: "string" }),
  },
  {
    provider: "cloudlx",
    change: "a schema added",
    expected: "minor",
    mutate: (spec) =>
      (cloudLxSchemas(spec).Region = { type: "object", required: ["name"], properties: { name: { type: "string" } } }),
  },
  {
    provider: "cloudlx",
    change: "an operation's summary reworded",
    expected: "patch",
    mutate: (spec) => (spec.paths["/api/customers"].get.summary = "List every customer you can see"),
  },
  {
    provider: "cloudlx",
    change: "an optional field added to an answer",
    expected: "minor",
    mutate: (spec) => (cloudLxSchemas(spec).Customer.properties.created_at = { type: "string", format: "date-time" }),
  },
  {
    provider: "cloudlx",
    change: "an operationId renamed (the operation method's name)",
    expected: "major",
    mutate: (spec) => (spec.paths["/api/customers"].get.operationId = "getCustomers"),
  },
];
